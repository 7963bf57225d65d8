package io.sixcontainer.internal.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An image archive opened for import (see {@link ImageSources#open}). {@link #close()} deletes
 * any temporary file the source made (a decompressed copy of a gzipped archive).
 */
public interface ImageSource extends Closeable {

    /** The defaults the image gives its containers; {@link ImageConfig#empty()} for a rootfs tarball. */
    ImageConfig config();

    /**
     * The names the archive gives the image, e.g. {@code alpine:3.20} (docker-archive
     * {@code RepoTags}) or the OCI {@code org.opencontainers.image.ref.name} annotation as
     * written (often just a tag). May be empty; never null.
     */
    List<String> repoTags();

    /** How many layers the image has. */
    int layerCount();

    /**
     * Opens layer {@code index} (0 is the bottom layer) as stored: possibly gzip-compressed,
     * {@link LayerExtractor} detects it. Where the archive records the layer's digest, the
     * stream checks it and throws an {@link IOException} at its end when the bytes differ.
     */
    InputStream openLayer(int index) throws IOException;

    /** A short description of the archive for error messages (its path, and the layer's name within it). */
    String describeLayer(int index);
}
