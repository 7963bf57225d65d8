package io.sixcontainer.ffi;

import java.io.IOException;

/** A descriptor with one owner: usable until closed, closed exactly once. */
final class OwnedFd {

    private final int fd;
    private boolean closed;

    OwnedFd(int fd) {
        this.fd = fd;
    }

    /** The descriptor number, or an IOException once closed. */
    synchronized int get() throws IOException {
        if (closed) {
            throw new IOException("stream closed (fd " + fd + ")");
        }
        return fd;
    }

    synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Libc.close(fd);
        } catch (ErrnoException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
