package io.sixcontainer.internal.image;

import io.sixcontainer.ImageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Recognises how a tar stream is compressed from its first bytes (never from a file name or a
 * media type, which can lie) and undoes it. gzip, bzip2 and zstd are read with Commons Compress
 * (zstd through zstd-jni); xz would need another library, so it gets a clear refusal.
 */
enum Compression {
    NONE, GZIP, BZIP2, ZSTD, XZ;

    private static final int MAGIC_LENGTH = 6;

    /** Detects the compression of {@code in} without consuming it ({@code in} must support mark/reset). */
    static Compression detect(InputStream in) throws IOException {
        in.mark(MAGIC_LENGTH);
        byte[] magic = in.readNBytes(MAGIC_LENGTH);
        in.reset();
        if (startsWith(magic, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(magic, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        return NONE;
    }

    /**
     * Returns the uncompressed tar stream of {@code raw}.
     *
     * @param archive names the archive in the error for an unsupported compression
     */
    static InputStream decompress(InputStream raw, String archive) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        return switch (detect(in)) {
            case NONE -> in;
            // Concatenated members are legal gzip (pigz writes them); all of them are the layer.
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case XZ -> throw new ImageException(archive + ": xz-compressed layers are not supported (gzip is)");
        };
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(data, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
