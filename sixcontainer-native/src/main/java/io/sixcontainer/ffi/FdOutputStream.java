package io.sixcontainer.ffi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** An {@link OutputStream} over a raw descriptor (a pipe end). It owns the descriptor. */
public final class FdOutputStream extends OutputStream {

    private final OwnedFd fd;

    /** Takes ownership of {@code fd}. */
    public FdOutputStream(int fd) {
        this.fd = new OwnedFd(fd);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        int raw = fd.begin();
        try {
            Libc.writeFully(raw, b, off, len);
        } catch (ErrnoException e) {
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
