package io.sixcontainer.internal.tty;

import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.FdOutputStream;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.Terminals;
import io.sixcontainer.ffi.libc.fcntl_h;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The JVM's side of a container's pseudo-terminal: the master, as an input stream (what the
 * container prints), an output stream (what it reads), and its window size. The slave is
 * opened once for the launch and handed to the helper as fds 0, 1 and 2.
 */
public final class PtyMaster implements AutoCloseable {

    private final int master;
    private final String slavePath;
    private final InputStream output;
    private final OutputStream input;
    private int slave;
    private boolean closed;

    private PtyMaster(int master, String slavePath, int slave, int outputFd, int inputFd) {
        this.master = master;
        this.slavePath = slavePath;
        this.slave = slave;
        this.output = FdInputStream.ofPtyMaster(outputFd);
        this.input = new FdOutputStream(inputFd);
    }

    /** Allocates a pseudo-terminal of the host and opens its slave (O_NOCTTY: it never becomes the JVM's terminal). */
    public static PtyMaster open() {
        Terminals.Pty pty = Terminals.openPty();
        return around(pty.master(), pty.slavePath(), () -> Libc.open(pty.slavePath(),
                fcntl_h.O_RDWR() | fcntl_h.O_NOCTTY() | fcntl_h.O_CLOEXEC(), 0));
    }

    /**
     * Allocates a pseudo-terminal in the devpts instance of the container whose init is
     * {@code pid}, so that inside the container the slave is a {@code /dev/pts/N} of its own
     * ({@code tty}, {@code ttyname} and {@code /dev/pts} listings agree with the process's fds).
     */
    public static PtyMaster openInContainer(int pid, long startTime) {
        int master = ContainerPtmx.open(pid, startTime);
        return around(master, null, () -> Terminals.openPeer(master));
    }

    private interface SlaveOpener {
        int open();
    }

    private static PtyMaster around(int master, String slavePath, SlaveOpener slaveOpener) {
        int[] fds = {-1, -1, -1};
        try {
            fds[0] = slaveOpener.open();
            // Separate descriptors, so that closing one stream leaves the other direction usable.
            fds[1] = Libc.dupCloexec(master);
            fds[2] = Libc.dupCloexec(master);
            return new PtyMaster(master, slavePath, fds[0], fds[1], fds[2]);
        } catch (ErrnoException e) {
            try {
                Libc.closeAll(master, fds[0], fds[1], fds[2]);
            } catch (ErrnoException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The slave descriptor for the helper's fds 0, 1 and 2; -1 once {@link #closeSlave()} ran. */
    public int slave() {
        return slave;
    }

    /** The slave's host path (bound onto the container's {@code /dev/console}); null for a container's own pty. */
    public String slavePath() {
        return slavePath;
    }

    /** Closes the JVM's copy of the slave once the helper has its own, so that EOF/EIO can be seen. */
    public void closeSlave() {
        int s = slave;
        slave = -1;
        Libc.closeAll(s);
    }

    /** Sets the terminal's size; the kernel sends SIGWINCH to the container's foreground job. */
    public synchronized void resize(int columns, int rows) {
        if (closed) {
            throw new IllegalStateException("the terminal is closed");
        }
        Terminals.setWindowSize(master, columns, rows);
    }

    /** What the container prints; end of file once every process holding the slave is gone. */
    public InputStream output() {
        return output;
    }

    /** What the container reads, through the terminal's line discipline. */
    public OutputStream input() {
        return input;
    }

    /** Closes the slave (if still held), the master and both streams. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            output.close();
            input.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Libc.closeAll(slave, master);
            slave = -1;
        }
    }
}
