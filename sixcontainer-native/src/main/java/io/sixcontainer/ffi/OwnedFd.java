package io.sixcontainer.ffi;

import java.io.IOException;

/**
 * A descriptor with one owner: usable until closed, closed exactly once. A close while a
 * read or write is in progress on another thread is deferred until that call returns, so
 * the number is never released (and reused by someone else) under a call that uses it.
 */
final class OwnedFd {

    private final int fd;
    private int inUse;
    private boolean closeRequested;
    private boolean closed;

    OwnedFd(int fd) {
        this.fd = fd;
    }

    /** Marks the start of a call on the descriptor and returns it; IOException once closed. */
    synchronized int begin() throws IOException {
        if (closeRequested) {
            throw new IOException("stream closed (fd " + fd + ")");
        }
        inUse++;
        return fd;
    }

    /** Marks the end of a call; performs a close that was requested meanwhile. */
    void end() throws IOException {
        boolean closeNow;
        synchronized (this) {
            inUse--;
            closeNow = closeRequested && inUse == 0 && !closed;
            if (closeNow) {
                closed = true;
            }
        }
        if (closeNow) {
            release();
        }
    }

    void close() throws IOException {
        boolean closeNow;
        synchronized (this) {
            closeRequested = true;
            closeNow = inUse == 0 && !closed;
            if (closeNow) {
                closed = true;
            }
        }
        if (closeNow) {
            release();
        }
    }

    private void release() throws IOException {
        try {
            Libc.close(fd);
        } catch (ErrnoException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
