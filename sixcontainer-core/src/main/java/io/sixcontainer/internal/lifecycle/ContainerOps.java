package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecResult;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.ResourceUsage;
import io.sixcontainer.Resources;
import io.sixcontainer.internal.cgroup.CgroupLayout;
import io.sixcontainer.internal.cgroup.CgroupManager;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.LogEntry;
import io.sixcontainer.LogQuery;
import io.sixcontainer.ffi.Errno;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.signal_h;
import io.sixcontainer.internal.exec.Executor;
import io.sixcontainer.internal.state.ContainerRecord;
import io.sixcontainer.internal.state.NameRegistry;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.internal.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What can be done to a recorded container by id, from any JVM: inspect, signal, stop,
 * wait, remove, read its log. Signals go through a pidfd opened on the recorded pid and
 * checked against the recorded start time, so a recycled pid is never signalled.
 */
final class ContainerOps {

    private final StateStore store;
    private final NameRegistry names;
    private ImageOps images;
    private final Executor executor;

    ContainerOps(StateStore store, NameRegistry names, Executor executor) {
        this.store = store;
        this.names = names;
        this.executor = executor;
    }

    ExecProcess exec(String id, ExecSpec spec) {
        ContainerRecord r = running(id);
        return executor.exec(label(r), r.pid, r.pidStartTime, r.env, r.workingDir, store.confinement(r), r.user, spec);
    }

    ExecResult execAndCollect(String id, ExecSpec spec, Duration timeout) {
        ContainerRecord r = running(id);
        return executor.execAndCollect(label(r), r.pid, r.pidStartTime, r.env, r.workingDir, store.confinement(r), r.user, spec,
                timeout);
    }

    private ContainerRecord running(String id) {
        ContainerRecord r = record(id);
        if (r.status != ContainerStatus.RUNNING) {
            throw new ContainerException("container " + r.name + " (" + id.substring(0, 12) + ") is not running ("
                    + r.status.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return r;
    }

    private static String label(ContainerRecord r) {
        return "exec-" + r.id.substring(0, 12);
    }

    ContainerRecord record(String id) {
        ContainerRecord r = store.refresh(id).orElseThrow(() -> new ContainerException("no such container: " + id));
        // A detached container's OOM kill is seen by no JVM: it is read from its cgroup once it has ended.
        if (r.status == ContainerStatus.EXITED && r.detached && r.exitSignal != null && !r.oomKilled
                && cgroupOf(r).oomKilled()) {
            r = store.update(id, x -> x.oomKilled = true);
        }
        return r;
    }

    CgroupManager cgroupOf(ContainerRecord r) {
        String parent = r.cgroupParent != null ? r.cgroupParent : Resources.DEFAULT_CGROUP_PARENT;
        return CgroupLayout.host().managerFor(r.id, Resources.builder().cgroupParent(parent).build());
    }

    ResourceUsage usage(String id) {
        return cgroupOf(record(id)).usage();
    }

    boolean exists(String id) {
        return store.read(id).isPresent();
    }

    ContainerInfo info(String id) {
        return record(id).toInfo(store.dir(id));
    }

    /** Sends {@code signal} to the init; fails if the container does not run. */
    void signal(String id, int signal) {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("invalid signal " + signal + ": must be 1..64");
        }
        int pidfd = openPidfd(id).orElseThrow(() -> notRunning(id));
        try {
            Libc.pidfdSendSignal(pidfd, signal);
        } catch (ErrnoException e) {
            throw e.errno() == Errno.ESRCH ? notRunning(id) : e;
        } finally {
            Libc.close(pidfd);
        }
    }

    private static ContainerException notRunning(String id) {
        return new ContainerException("container " + id.substring(0, 12) + " is not running");
    }

    /** SIGTERM, then SIGKILL if the init has not ended after {@code grace}. Returns at once if not running. */
    void stop(String id, Duration grace) {
        OptionalInt pidfd = openPidfd(id);
        if (pidfd.isEmpty()) {
            return;
        }
        try {
            Libc.pidfdSendSignal(pidfd.getAsInt(), signal_h.SIGTERM());
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, grace.toMillis()));
            if (!Libc.pollReadable(pidfd.getAsInt(), millis)) {
                // PID 1 ignores signals it has no handler for; KILL is the one it cannot.
                Libc.pidfdSendSignal(pidfd.getAsInt(), signal_h.SIGKILL());
            }
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ESRCH) {
                throw e;
            }
        } finally {
            Libc.close(pidfd.getAsInt());
        }
    }

    /**
     * Blocks until the container is no longer running and returns how it ended.
     *
     * @param timeout null to wait without limit
     */
    Optional<ExitStatus> awaitExit(String id, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (true) {
            ContainerRecord r = record(id);
            if (r.status != ContainerStatus.RUNNING && r.status != ContainerStatus.CREATED) {
                ContainerInfo info = r.toInfo(store.dir(id));
                return Optional.of(info.exit().orElseThrow(() -> new ContainerException("container "
                        + id.substring(0, 12) + " ended while nobody watched; its exit status is unknown")));
            }
            OptionalInt pidfd = openPidfd(id);
            if (pidfd.isPresent()) {
                try {
                    long left = deadline - System.nanoTime();
                    int millis = timeout == null ? -1 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, left / 1_000_000L));
                    if (!Libc.pollReadable(pidfd.getAsInt(), millis)) {
                        return Optional.empty();
                    }
                } finally {
                    Libc.close(pidfd.getAsInt());
                }
            } else if (System.nanoTime() > deadline) {
                return Optional.empty();
            } else {
                pause();  // still being launched, or its end not yet recorded
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while waiting for a container", e);
        }
    }

    /** Removes the container's record, name and log; a running one only if {@code force} (it is killed). */
    void remove(String id, boolean force) {
        store.locked(id, () -> {
            ContainerRecord rec = store.read(id).orElseThrow(() -> new ContainerException("no such container: " + id));
            if (rec.status == ContainerStatus.RUNNING && !store.ended(rec)) {
                if (!force) {
                    throw new ContainerException("container " + rec.name + " (" + id.substring(0, 12)
                            + ") is running: stop it first, or remove it with force");
                }
                stop(id, Duration.ZERO);
                awaitExit(id, null);
            }
            // The directory goes into the trash first: from here no reader finds the container,
            // and a JVM killed in the middle leaves it there (with the record, so the cgroup's
            // parent) for the next open to finish. Its files are deleted in the background.
            java.nio.file.Path doomed = store.detach(id);
            cgroupOf(rec).remove();
            names.release(rec.name, id);
            store.purgeLater(id, doomed);
            if (images != null) {
                images.containerRemoved(rec.imageId);
            }
            return null;
        });
    }

    /** {@link #remove} that is content when the container is already gone (removed by a racing caller). */
    void removeIfPresent(String id) {
        try {
            remove(id, true);
        } catch (ContainerException e) {
            if (exists(id)) {
                throw e;
            }
        }
    }

    io.sixcontainer.ImageInfo commit(String id, String imageName, List<String> command) {
        return images.transfer().commit(id, imageName, command, null);
    }

    // Set once by the lifecycle, which makes both.
    void imageOps(ImageOps imageOps) {
        this.images = imageOps;
    }

    List<LogEntry> logs(String id, LogQuery query) {
        return CriLog.read(logFile(id), query);
    }

    void followLogs(String id, LogQuery query, Consumer<LogEntry> sink) {
        CriLog.follow(logFile(id), query, sink, () -> record(id).status == ContainerStatus.RUNNING);
    }

    private java.nio.file.Path logFile(String id) {
        if (!record(id).detached) {
            throw new ContainerException("container " + id.substring(0, 12)
                    + " is attached: its output went to its launcher, not to a log");
        }
        return store.dir(id).resolve(StateStore.LOG_FILE);
    }

    // Open first, then check the start time: once open, the pidfd names one process for good.
    private OptionalInt openPidfd(String id) {
        ContainerRecord r = record(id);
        if (r.status != ContainerStatus.RUNNING) {
            return OptionalInt.empty();
        }
        int fd;
        try {
            fd = Libc.pidfdOpen(r.pid);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ESRCH) {
                return OptionalInt.empty();
            }
            throw e;
        }
        if (!ProcessIdentity.isAlive(r.pid, r.pidStartTime)) {
            Libc.close(fd);
            return OptionalInt.empty();
        }
        return OptionalInt.of(fd);
    }
}
