package io.sixcontainer.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/** A plain root filesystem tarball (what {@code docker export} writes): one layer, no config, no name. */
final class RootfsTarballSource implements ImageSource {

    private final TarFiles files;
    private final String displayName;

    RootfsTarballSource(TarFiles files, String displayName) {
        this.files = files;
        this.displayName = displayName;
    }

    @Override
    public ImageConfig config() {
        return ImageConfig.empty();
    }

    @Override
    public List<String> repoTags() {
        return List.of();
    }

    @Override
    public int layerCount() {
        return 1;
    }

    @Override
    public InputStream openLayer(int index) throws IOException {
        if (index != 0) {
            throw new IndexOutOfBoundsException("a rootfs tarball has one layer, not " + (index + 1));
        }
        return Files.newInputStream(files.path());
    }

    @Override
    public String describeLayer(int index) {
        return displayName;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
