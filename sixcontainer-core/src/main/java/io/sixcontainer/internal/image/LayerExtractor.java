package io.sixcontainer.internal.image;

import io.sixcontainer.ImageException;
import io.sixcontainer.ffi.ErrnoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts one image layer (a tar, plain or compressed) into an empty directory, safely: no
 * entry can write outside it (see {@link LayerTree}), and OCI whiteouts become overlayfs
 * whiteouts so the directory can serve directly as an overlay lower layer.
 */
public final class LayerExtractor {

    private LayerExtractor() {
    }

    /** {@link #extract(InputStream, Path, String)} with the archive named just "layer" in errors. */
    public static String extract(InputStream layer, Path emptyDir) {
        return extract(layer, emptyDir, "layer");
    }

    /**
     * Extracts a layer tar (plain, gzip or bzip2; detected by its magic bytes) into
     * {@code emptyDir}, which must exist, be empty and be written by nobody else. OCI whiteouts
     * are converted: {@code .wh.NAME} becomes a 0/0 character device NAME,
     * {@code .wh..wh..opq} the xattr {@code trusted.overlay.opaque=y} on its directory. Owners,
     * modes (setuid/setgid included), device nodes, symlinks (verbatim) and mtimes are kept.
     * The whole stream is read, so a digest check wrapped around it (see
     * {@link ImageSource#openLayer}) runs. The stream is not closed.
     *
     * @param archive names the layer in error messages, e.g. {@code image.tar: blobs/sha256/ab12...}
     * @return {@code sha256:<hex>} of the uncompressed tar stream: the layer's OCI diff_id
     * @throws ImageException naming the archive and the entry when the archive is corrupt,
     *         truncated or holds an entry that would escape the directory; {@code emptyDir} is
     *         left empty
     */
    public static String extract(InputStream layer, Path emptyDir, String archive) {
        requireEmptyDirectory(emptyDir);
        String entryName = null;
        try {
            MessageDigest sha256 = Digests.sha256();
            InputStream tarStream = new DigestInputStream(Compression.decompress(layer, archive), sha256);
            TarArchiveInputStream tar = new StrictTarInputStream(tarStream);
            LayerDirWriter writer = new LayerDirWriter(emptyDir);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entryName = entry.getName();
                writer.write(entry, tar);
            }
            entryName = null;
            writer.finish();
            // The end-of-archive blocks and any padding belong to the diff_id; the raw stream
            // is read to its end so a digest check wrapped around it gets to run.
            tarStream.transferTo(OutputStream.nullOutputStream());
            layer.transferTo(OutputStream.nullOutputStream());
            return Digests.format(sha256);
        } catch (IOException | UncheckedIOException | ErrnoException | InvalidPathException | ImageException e) {
            discardContents(emptyDir, e);
            if (e instanceof ImageException ie && entryName == null) {
                throw ie;
            }
            String where = entryName == null ? archive : archive + ": entry '" + entryName + "'";
            throw new ImageException(where + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof RefusedEntryException || e instanceof ErrnoException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "corrupt or truncated archive (" + message + ")";
    }

    private static void requireEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        try (var children = Files.list(dir)) {
            if (children.findAny().isPresent()) {
                throw new IllegalArgumentException("not empty: " + dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discardContents(Path dir, Exception cause) {
        try {
            LayerTree.deleteContents(dir);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
