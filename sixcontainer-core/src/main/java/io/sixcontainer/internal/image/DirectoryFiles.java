package io.sixcontainer.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The files of an image layout stored as a directory (e.g. what {@code skopeo copy ... oci:DIR} writes). */
final class DirectoryFiles implements ArchiveFiles {

    private final Path dir;

    DirectoryFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public boolean exists(String name) throws IOException {
        return Files.isRegularFile(resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String describe(String name) {
        return dir.resolve(name).toString();
    }

    private Path resolve(String name) throws IOException {
        return dir.resolve(ArchiveFiles.normalize(name));
    }

    @Override
    public void close() {
        // nothing held open
    }
}
