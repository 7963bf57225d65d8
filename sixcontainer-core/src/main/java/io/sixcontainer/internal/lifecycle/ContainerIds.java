package io.sixcontainer.internal.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * New container ids: 256 random bits from the kernel, in hex (docker's form). Read from
 * /dev/urandom directly rather than through SecureRandom, whose first use initialises the
 * JCA provider list: ~12 ms of a cold {@code sixc run}, for the same kernel bytes.
 */
final class ContainerIds {

    private static final Path URANDOM = Path.of("/dev/urandom");
    private static final int ID_BYTES = 32;

    private ContainerIds() {
    }

    /** A new random id (64 lower-case hex digits). */
    static String random() {
        try (InputStream in = Files.newInputStream(URANDOM)) {
            byte[] b = in.readNBytes(ID_BYTES);
            if (b.length != ID_BYTES) {
                throw new IOException("short read (" + b.length + " bytes)");
            }
            return HexFormat.of().formatHex(b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + URANDOM, e);
        }
    }
}
