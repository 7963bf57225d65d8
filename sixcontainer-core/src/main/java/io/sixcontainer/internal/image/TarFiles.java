package io.sixcontainer.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The files of an image archive stored as an uncompressed tar, read in place with random
 * access (Commons Compress {@link TarFile}). Symlinks between entries are followed inside the
 * archive only: {@code docker save} links a repeated layer's {@code layer.tar} to the first copy.
 */
final class TarFiles implements ArchiveFiles {

    private static final int MAX_LINK_HOPS = 16;

    private final Path tarPath;
    private final String displayName;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final Path deleteOnClose;

    /**
     * @param tarPath       the uncompressed tar
     * @param displayName   how errors name the archive (the path the user gave)
     * @param deleteOnClose a temporary file to delete on {@link #close()}, or null
     */
    TarFiles(Path tarPath, String displayName, Path deleteOnClose) throws IOException {
        this.tarPath = tarPath;
        this.displayName = displayName;
        this.deleteOnClose = deleteOnClose;
        // Our own channel: TarFile(Path) leaks the one it opens when the archive is corrupt.
        java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(tarPath);
        try {
            this.tar = new TarFile(channel);
            for (TarArchiveEntry e : tar.getEntries()) {
                String name = String.join("/", LayerTree.components(e.getName()));
                if (!name.isEmpty()) {
                    entries.put(name, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The tar file itself (a decompressed copy when the archive was compressed). */
    Path path() {
        return tarPath;
    }

    @Override
    public boolean exists(String name) throws IOException {
        TarArchiveEntry e = find(name);
        return e != null && e.isFile() && !e.isDirectory();
    }

    @Override
    public InputStream open(String name) throws IOException {
        TarArchiveEntry e = find(name);
        if (e == null || e.isDirectory()) {
            throw new NoSuchFileException(describe(name));
        }
        return tar.getInputStream(e);
    }

    @Override
    public String describe(String name) {
        return displayName + ": " + name;
    }

    private TarArchiveEntry find(String name) throws IOException {
        String current = ArchiveFiles.normalize(name);
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            TarArchiveEntry e = entries.get(current);
            if (e == null || !(e.isSymbolicLink() || e.isLink())) {
                return e;
            }
            String target = e.getLinkName();
            // A symlink is relative to its directory; a hardlink names its target from the archive root.
            if (e.isSymbolicLink() && current.contains("/")) {
                target = current.substring(0, current.lastIndexOf('/') + 1) + target;
            }
            current = String.join("/", resolveDots(target));
        }
        throw new IOException(describe(name) + ": too many links");
    }

    // Links inside docker-archives use "../<id>/layer.tar"; resolve the dots, never above the root.
    private List<String> resolveDots(String path) throws IOException {
        ArrayList<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (out.isEmpty()) {
                    throw new IOException(displayName + ": a link points above the archive root: " + path);
                }
                out.removeLast();
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            if (deleteOnClose != null) {
                Files.deleteIfExists(deleteOnClose);
            }
        }
    }
}
