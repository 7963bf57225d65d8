package io.sixcontainer.ffi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An {@link InputStream} over a raw descriptor the JVM got from FFM (a pipe end). It owns
 * the descriptor and closes it once. Reads block the calling platform thread.
 */
public final class FdInputStream extends InputStream {

    private final OwnedFd fd;

    /** Takes ownership of {@code fd}. */
    public FdInputStream(int fd) {
        this.fd = new OwnedFd(fd);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        try {
            int n = Libc.read(fd.get(), b, off, Math.min(len, 64 * 1024));
            return n == 0 ? -1 : n;
        } catch (ErrnoException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        fd.close();
    }
}
