package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.ffi.FdInputStream;
import io.sixcontainer.ffi.FdOutputStream;
import io.sixcontainer.internal.launch.HelperProcess;
import io.sixcontainer.internal.launch.LaunchedProcess;
import io.sixcontainer.internal.launch.MonitorEvent;
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
final class AttachedContainer extends ManagedContainer {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedContainer.class);

    private final int initPid;
    private final HelperProcess monitor;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final Consumer<AttachedContainer> onExit;

    AttachedContainer(String id, String name, LaunchedProcess process, ContainerOps ops,
                      Consumer<AttachedContainer> onExit) {
        super(id, name, ops);
        this.onExit = onExit;
        this.initPid = process.initPid();
        this.monitor = process.monitor();
        int[] fds = process.parentStreams();
        this.stdin = fds[0] >= 0 ? new FdOutputStream(fds[0]) : null;
        this.stdout = fds[1] >= 0 ? new FdInputStream(fds[1]) : null;
        this.stderr = fds[2] >= 0 ? new FdInputStream(fds[2]) : null;
    }

    /** Starts following the monitor; called once the container is registered. */
    void follow() {
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
    public int pid() {
        return isRunning() ? initPid : 0;
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

    private <T> T require(T stream, String streamName) {
        if (stream == null) {
            throw noPipe(streamName);
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
            if (ops.exists(id)) {
                ops.remove(id, true);
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
}
