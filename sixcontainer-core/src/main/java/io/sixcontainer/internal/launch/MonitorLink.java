package io.sixcontainer.internal.launch;

import io.sixcontainer.ffi.Errno;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.Libc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM's side of one helper monitor: its pid, its event lines (fd 4) and the lifeline
 * (fd 6) whose write end only this object holds. Cutting the lifeline is the one way the
 * JVM kills a container: the monitor then kills the init through a pidfd, so a recycled
 * pid can never be hit.
 */
public final class MonitorLink {

    private final int monitorPid;
    private final BufferedReader events;
    private final int lifelineFd;
    private final AtomicBoolean lifelineCut = new AtomicBoolean();
    private final AtomicBoolean reaped = new AtomicBoolean();

    MonitorLink(int monitorPid, int eventsFd, int lifelineFd) {
        this.monitorPid = monitorPid;
        this.events = new BufferedReader(new InputStreamReader(new FdInputStream(eventsFd), StandardCharsets.US_ASCII));
        this.lifelineFd = lifelineFd;
    }

    /** The monitor's pid. */
    public int monitorPid() {
        return monitorPid;
    }

    /** The next event line, or null when the monitor has closed fd 4 (it exited). */
    public MonitorEvent nextEvent() {
        try {
            String line = events.readLine();
            return line == null ? null : MonitorEvent.parse(line);
        } catch (IOException e) {
            throw new UncheckedIOException("reading events of helper " + monitorPid, e);
        }
    }

    /** Closes the lifeline once: the monitor kills the container's init. */
    public void cutLifeline() {
        if (lifelineCut.compareAndSet(false, true)) {
            Libc.close(lifelineFd);
        }
    }

    /** Waits for the monitor to exit, once, and closes the event stream. */
    public void reap() {
        if (reaped.compareAndSet(false, true)) {
            try {
                Libc.waitpid(monitorPid, 0);
            } finally {
                try {
                    events.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Releases a detached container: the monitor stops watching the lifeline, so the
     * container outlives this JVM. The process this JVM spawned has already handed the
     * monitoring to its own child (docs/protocol.md) and is reaped here.
     */
    public void detach() {
        try {
            Libc.writeFully(lifelineFd, new byte[] {Protocol.LIFELINE_DETACH}, 0, 1);
        } catch (ErrnoException e) {
            // EPIPE: the command has already ended and the monitor with it; its record is written.
            if (e.errno() != Errno.EPIPE) {
                throw e;
            }
        } finally {
            cutLifeline();
            reap();
        }
    }

    /** Kills the container (if any), drains the monitor's events and reaps it. */
    public void abort() {
        cutLifeline();
        while (nextEvent() != null) {
            // the monitor reports the init's end, then exits
        }
        reap();
    }
}
