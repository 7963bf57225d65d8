package io.sixcontainer.internal.launch;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.FdOutputStream;
import io.sixcontainer.internal.tty.PtyMaster;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container attached to this JVM: a platform thread follows the monitor's events and
 * completes {@link #waitFor()} when the init ends; the lifeline dies with the JVM.
 */
final class AttachedContainer implements Container {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedContainer.class);

    private final String id;
    private final int initPid;
    private final HelperProcess monitor;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final PtyMaster pty;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

    private final Consumer<Container> onExit;

    AttachedContainer(String id, int initPid, HelperProcess monitor, int[] parentStreams, PtyMaster pty,
            Consumer<Container> onExit) {
        this.onExit = onExit;
        this.id = id;
        this.initPid = initPid;
        this.monitor = monitor;
        this.pty = pty;
        this.stdin = pty != null ? pty.input() : parentStreams[0] >= 0 ? new FdOutputStream(parentStreams[0]) : null;
        this.stdout = pty != null ? pty.output() : parentStreams[1] >= 0 ? new FdInputStream(parentStreams[1]) : null;
        // On a terminal stderr is part of stdout, as with docker -t.
        this.stderr = pty != null ? InputStream.nullInputStream()
                : parentStreams[2] >= 0 ? new FdInputStream(parentStreams[2]) : null;
        Thread.ofPlatform().daemon().name("sixc-reaper-" + id.substring(0, 12)).start(this::followMonitor);
    }

    private void followMonitor() {
        ExitStatus status = null;
        try {
            for (MonitorEvent e = monitor.nextEvent(); e != null; e = monitor.nextEvent()) {
                if (e.isExit()) {
                    status = e.exitStatus();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("container {}: unreadable helper events", id, e);
        } finally {
            try {
                monitor.reap();
                monitor.cutLifeline();
            } catch (RuntimeException e) {
                LOG.warn("container {}: cleanup after exit failed", id, e);
            }
            if (status != null) {
                exit.complete(status);
            } else {
                exit.completeExceptionally(new ContainerException("the helper monitor of container " + id
                        + " (pid " + monitor.monitorPid() + ") ended without reporting an exit status"));
            }
            onExit.accept(this);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int pid() {
        return initPid;
    }

    @Override
    public ExitStatus waitFor() {
        return await(exit::get);
    }

    @Override
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
            throw new ContainerException("interrupted while waiting for container " + id, e);
        } catch (ExecutionException e) {
            throw (ContainerException) e.getCause();
        }
    }

    @Override
    public boolean isRunning() {
        return !exit.isDone();
    }

    @Override
    public void kill() {
        monitor.cutLifeline();
    }

    @Override
    public OutputStream stdin() {
        return require(stdin, "stdin");
    }

    @Override
    public InputStream stdout() {
        return require(stdout, "stdout");
    }

    @Override
    public InputStream stderr() {
        return require(stderr, "stderr");
    }

    @Override
    public void resizeTty(int columns, int rows) {
        if (pty == null) {
            throw new IllegalStateException("container " + id + " has no terminal (see ContainerSpec.Builder.tty)");
        }
        pty.resize(columns, rows);
    }

    private <T> T require(T stream, String name) {
        if (stream == null) {
            throw new IllegalStateException(name + " of container " + id + " is not a pipe (see Stdio.pipe())");
        }
        return stream;
    }

    @Override
    public void close() {
        if (isRunning()) {
            kill();
        }
        try {
            waitFor();
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
            LOG.debug("container {}: closing a stream failed", id, e);
        }
    }

    @Override
    public String toString() {
        return "Container{id=" + id.substring(0, 12) + ", pid=" + initPid + (isRunning() ? ", running}" : ", exited}");
    }
}
