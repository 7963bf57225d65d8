package io.sixcontainer.internal.launch;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.FdOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import io.sixcontainer.internal.tty.PtyMaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process the helper monitors for this JVM (a container's init, or an exec'd command): a
 * platform thread follows the monitor's events and completes {@link #waitFor()} when it
 * ends; the JVM's pipe ends are its streams; cutting the lifeline kills it.
 */
public final class WatchedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedProcess.class);
    private static final String IDLE_REAPER = "sixc-reaper-idle";
    // One platform thread per live process (each blocks reading its monitor's events), reused:
    // starting a thread waits until the new thread has run, a scheduling delay on every
    // launch of a loaded machine (5 ms median measured under load 7 on 2 CPUs).
    private static final ExecutorService REAPERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name(IDLE_REAPER).factory());

    private final String label;
    private final int pid;
    private final MonitorLink monitor;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

    private final UnaryOperator<ExitStatus> onEnd;
    private final PtyMaster pty;

    /**
     * @param label names the process in messages and thread names
     * @param onEnd runs once the process is reaped, before waiters see its status (which it may amend)
     */
    public WatchedProcess(String label, StartedProcess process, UnaryOperator<ExitStatus> onEnd) {
        this.label = label;
        this.onEnd = onEnd;
        this.pid = process.initPid();
        this.monitor = process.monitor();
        this.pty = process.pty();
        int[] fds = process.parentStreams();
        this.stdin = pty != null ? pty.input() : fds[0] >= 0 ? new FdOutputStream(fds[0]) : null;
        this.stdout = pty != null ? pty.output() : fds[1] >= 0 ? new FdInputStream(fds[1]) : null;
        // On a terminal stderr is part of stdout, as with docker -t.
        this.stderr = pty != null ? InputStream.nullInputStream() : fds[2] >= 0 ? new FdInputStream(fds[2]) : null;
    }

    /** Sets the terminal's size. */
    public void resizeTty(int columns, int rows) {
        if (pty == null) {
            throw new IllegalStateException(label + " has no terminal (see ContainerSpec.Builder.tty)");
        }
        pty.resize(columns, rows);
    }

    /** Starts following the monitor; {@code onExit} runs on that thread once the process has ended. */
    public void follow(Runnable onExit) {
        REAPERS.execute(() -> {
            Thread self = Thread.currentThread();
            self.setName("sixc-reaper-" + label);
            try {
                followMonitor();
                onExit.run();
            } finally {
                self.setName(IDLE_REAPER);
            }
        });
    }

    // Waiters are released at the exit event: the monitor has reaped the process by then (and
    // with a PID namespace every process of it), so onEnd sees the final state; the monitor's
    // own exit, its reaping and the lifeline follow without holding anybody up.
    private void followMonitor() {
        boolean ended = false;
        try {
            for (MonitorEvent e = monitor.nextEvent(); e != null; e = monitor.nextEvent()) {
                if (e.isExit() && !ended) {
                    ended = true;
                    end(e.exitStatus());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: unreadable helper events", label, e);
        } finally {
            try {
                monitor.reap();
                monitor.cutLifeline();
            } catch (RuntimeException e) {
                LOG.warn("{}: reaping the helper monitor failed", label, e);
            }
            if (!ended) {
                end(null);
            }
        }
    }

    private void end(ExitStatus reported) {
        ExitStatus status = reported;
        try {
            status = onEnd.apply(reported);
        } catch (RuntimeException e) {
            LOG.warn("{}: cleanup after exit failed", label, e);
        }
        if (status != null) {
            exit.complete(status);
        } else {
            exit.completeExceptionally(new ContainerException("the helper monitor of " + label + " (pid "
                    + monitor.monitorPid() + ") ended without reporting an exit status"));
        }
    }

    /** The host pid. */
    public int pid() {
        return pid;
    }

    /** Blocks until the process ends. */
    public ExitStatus waitFor() {
        return await(exit::get);
    }

    /** Blocks at most {@code timeout}. */
    public Optional<ExitStatus> waitFor(Duration timeout) {
        return await(() -> {
            try {
                return Optional.of(exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            }
        });
    }

    private interface Wait<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private <T> T await(Wait<T> wait) {
        try {
            return wait.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while waiting for " + label, e);
        } catch (ExecutionException e) {
            throw (ContainerException) e.getCause();
        }
    }

    /** True until the process has ended. */
    public boolean isRunning() {
        return !exit.isDone();
    }

    /** Cuts the lifeline: the monitor kills the process. */
    public void kill() {
        monitor.cutLifeline();
    }

    /** The stdin pipe, or null. */
    public OutputStream stdin() {
        return stdin;
    }

    /** The stdout pipe, or null. */
    public InputStream stdout() {
        return stdout;
    }

    /** The stderr pipe, or null. */
    public InputStream stderr() {
        return stderr;
    }

    /** Kills the process if it runs, waits for it, and closes the streams. */
    public void close() {
        if (isRunning()) {
            kill();
        }
        try {
            waitFor();
        } catch (ContainerException noStatus) {
            // Ended all the same (its monitor died): waitFor() says so; close() still cleans up.
            LOG.warn("{}: {}", label, noStatus.getMessage());
        } finally {
            closeQuietly(stdin);
            closeQuietly(stdout);
            closeQuietly(stderr);
            if (pty != null) {
                pty.close();
            }
        }
    }

    private void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("{}: closing a stream failed", label, e);
        }
    }
}
