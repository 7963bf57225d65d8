package io.sixcontainer.internal.image;

import io.sixcontainer.ImageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Opens an image archive for import, recognising its format from its content. */
public final class ImageSources {

    private ImageSources() {
    }

    /** {@link #open(Path, String)} for an archive that holds one image. */
    public static ImageSource open(Path path) {
        return open(path, null);
    }

    /**
     * Opens {@code path}, detecting the format: an OCI image layout (a directory, or a tar of
     * one, as skopeo and umoci write), a docker-archive ({@code docker save}: a tar with
     * {@code manifest.json}), or else a plain rootfs tarball ({@code docker export}), which
     * becomes one layer with an empty config. A compressed tar (gzip, bzip2) is decompressed
     * to a temporary file first, deleted by {@link ImageSource#close()}.
     *
     * @param ref which image to take when the archive holds several (an OCI ref name or a
     *            docker RepoTag), or null
     * @throws ImageException naming the archive when it is missing, corrupt or not an image
     */
    public static ImageSource open(Path path, String ref) {
        try {
            if (Files.isDirectory(path)) {
                DirectoryFiles files = new DirectoryFiles(path);
                if (files.exists("oci-layout")) {
                    return OciLayoutSource.open(files, ref);
                }
                if (files.exists("manifest.json")) {
                    return DockerArchiveSource.open(files, ref);
                }
                throw new ImageException(path + " is a directory but not an OCI image layout (no oci-layout file)");
            }
            if (!Files.isRegularFile(path)) {
                throw new ImageException("no image archive at " + path);
            }
            return openTar(path, ref);
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            throw new ImageException(path + ": not a readable image archive: " + e.getMessage(), e);
        }
    }

    private static ImageSource openTar(Path path, String ref) throws IOException {
        Path temp = decompressedCopy(path);
        TarFiles files;
        try {
            files = new TarFiles(temp == null ? path : temp, path.toString(), temp);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            throw e;
        }
        try {
            // docker save (25+) writes an OCI layout and manifest.json; the latter's RepoTags are complete names.
            if (files.exists("manifest.json")) {
                return DockerArchiveSource.open(files, ref);
            }
            if (files.exists("oci-layout")) {
                return OciLayoutSource.open(files, ref);
            }
            return new RootfsTarballSource(files, path.toString());
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    // A compressed archive is decompressed once to a temporary file, which TarFile reads with random access.
    private static Path decompressedCopy(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            if (Compression.detect(in) == Compression.NONE) {
                return null;
            }
            Path temp = Files.createTempFile("sixc-import-", ".tar");
            try (InputStream tar = Compression.decompress(in, path.toString());
                    OutputStream out = Files.newOutputStream(temp)) {
                tar.transferTo(out);
                return temp;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        }
    }
}
