package io.sixcontainer.ffi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An {@link InputStream} over a raw descriptor the JVM got from FFM (a pipe end or a pty master). It owns
 * the descriptor and closes it once. Reads block the calling platform thread.
 */
public final class FdInputStream extends InputStream {

    private final OwnedFd fd;
    private final boolean eioIsEof;

    /** Takes ownership of {@code fd}. */
    public FdInputStream(int fd) {
        this(fd, false);
    }

    private FdInputStream(int fd, boolean eioIsEof) {
        this.fd = new OwnedFd(fd);
        this.eioIsEof = eioIsEof;
    }

    /**
     * Takes ownership of a pseudo-terminal master. Linux reports a master whose slave is
     * closed everywhere with EIO; for a reader that is the end of the output.
     */
    public static FdInputStream ofPtyMaster(int fd) {
        return new FdInputStream(fd, true);
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
        int raw = fd.begin();
        try {
            int n = Libc.read(raw, b, off, Math.min(len, 64 * 1024));
            return n == 0 ? -1 : n;
        } catch (ErrnoException e) {
            if (eioIsEof && e.errno() == Errno.EIO) {
                return -1;
            }
            throw new IOException(e.getMessage(), e);
        } finally {
            fd.end();
        }
    }

    @Override
    public void close() throws IOException {
        fd.close();
    }
}
