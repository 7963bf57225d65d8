package io.sixcontainer.internal.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** The named files of an image archive: a directory, or the entries of a tar file. */
interface ArchiveFiles extends Closeable {

    /** True when the archive holds a regular file {@code name} (a relative, {@code /}-separated path). */
    boolean exists(String name) throws IOException;

    /** Opens {@code name}; refuses names with {@code ..} or a leading {@code /}. */
    InputStream open(String name) throws IOException;

    /** {@code name} as a human reads it in an error: the archive's path and the name inside. */
    String describe(String name);

    /** Reads a small file (a JSON document) whole, refusing more than {@code limit} bytes. */
    default byte[] readSmall(String name, int limit) throws IOException {
        try (InputStream in = open(name)) {
            return readLimited(in, limit, describe(name));
        }
    }

    /** Reads {@code in} to its end (so a digest check at the end runs), refusing more than {@code limit} bytes. */
    static byte[] readLimited(InputStream in, int limit, String what) throws IOException {
        byte[] data = in.readNBytes(limit + 1);
        if (data.length > limit) {
            throw new IOException(what + " is larger than " + limit + " bytes");
        }
        return data;
    }

    /** The normal form of a name inside an archive: no {@code ./}, no empty components; {@code ..} and absolute names refused. */
    static String normalize(String name) throws IOException {
        return String.join("/", LayerTree.components(name));
    }
}
