package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes filesystem objects as tar entries: names relative with no {@code ./} prefix,
 * directories ending in {@code /}, owner, mode (setuid/setgid/sticky included) and mtime kept,
 * a second name of an inode written as a hardlink to the first. Long names and big numbers use
 * PAX headers. No atime/ctime is written, so the same tree always gives the same bytes.
 */
final class LayerTarWriter {

    private record Inode(long dev, long ino) {
    }

    private final TarArchiveOutputStream tar;
    private final Map<Inode, String> firstNames = new HashMap<>();

    LayerTarWriter(OutputStream out) {
        tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** The entries of a directory's children, sorted by name so the output is deterministic. */
    static List<Path> sortedChildren(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            return children.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    /**
     * Writes {@code path} (described by {@code st}) under {@code name}. Sockets are skipped:
     * they mean nothing outside the process that bound them.
     */
    void write(String name, Path path, Lstat st) throws IOException {
        switch (st.type()) {
            case Lstat.S_IFDIR -> put(entry(name + "/", TarConstants.LF_DIR, st), null);
            case Lstat.S_IFLNK -> {
                TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, st);
                e.setLinkName(Files.readSymbolicLink(path).toString());
                put(e, null);
            }
            case Lstat.S_IFREG -> writeRegular(name, path, st);
            case Lstat.S_IFCHR, Lstat.S_IFBLK -> {
                TarArchiveEntry e = entry(name, st.type() == Lstat.S_IFCHR ? TarConstants.LF_CHR : TarConstants.LF_BLK, st);
                e.setDevMajor(Libc.major(st.rdev()));
                e.setDevMinor(Libc.minor(st.rdev()));
                put(e, null);
            }
            case Lstat.S_IFIFO -> put(entry(name, TarConstants.LF_FIFO, st), null);
            default -> {
                // sockets: skipped
            }
        }
    }

    /** Writes an empty regular file {@code name} (an OCI whiteout or opaque marker) with {@code st}'s owner and mtime. */
    void writeMarker(String name, Lstat st) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, st);
        e.setMode(0600);
        e.setSize(0);
        put(e, null);
    }

    /** Writes the end-of-archive blocks; the underlying stream stays open. */
    void finish() throws IOException {
        tar.finish();
    }

    private void writeRegular(String name, Path path, Lstat st) throws IOException {
        if (st.nlink() > 1) {
            String first = firstNames.putIfAbsent(new Inode(st.dev(), st.ino()), name);
            if (first != null) {
                TarArchiveEntry e = entry(name, TarConstants.LF_LINK, st);
                e.setLinkName(first);
                put(e, null);
                return;
            }
        }
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, st);
        e.setSize(st.size());
        LayerXattrs.addCapability(e, path);
        try (InputStream in = Files.newInputStream(path)) {
            put(e, in);
        }
    }

    private static TarArchiveEntry entry(String name, byte type, Lstat st) {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setMode(st.permissions());
        e.setIds(st.uid(), st.gid());
        e.setModTime(st.mtime());
        return e;
    }

    private void put(TarArchiveEntry e, InputStream content) throws IOException {
        tar.putArchiveEntry(e);
        if (content != null) {
            long copied = content.transferTo(tar);
            if (copied != e.getSize()) {
                throw new IOException(e.getName() + " changed size while it was archived");
            }
        }
        tar.closeArchiveEntry();
    }
}
