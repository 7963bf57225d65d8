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
import io.sixcontainer.internal.exec.ExecRunner;
import io.sixcontainer.internal.plan.ImageLayers;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.internal.plan.LaunchPlanJson;
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
final class ContainerControl {

    private final StateStore store;
    private final NameRegistry names;
    private final ImageCatalog images;
    private final ExecRunner executor;

    ContainerControl(StateStore store, NameRegistry names, ExecRunner executor, ImageCatalog images,
                     io.sixcontainer.internal.net.ContainerNetworks networks) {
        this.networks = networks;
        this.store = store;
        this.names = names;
        this.executor = executor;
        this.images = images;
    }

    private final io.sixcontainer.internal.net.ContainerNetworks networks;

    /** The networks its containers are on. */
    io.sixcontainer.internal.net.ContainerNetworks networks() {
        return networks;
    }

    ExecProcess exec(String id, ExecSpec spec) {
        ContainerRecord r = running(id);
        return executor.exec(label(r), r.pid, r.pidStartTime, planForExec(r), spec);
    }

    ExecResult execAndCollect(String id, ExecSpec spec, Duration timeout) {
        ContainerRecord r = running(id);
        return executor.execAndCollect(label(r), r.pid, r.pidStartTime, planForExec(r), spec, timeout);
    }

    private LaunchPlan planForExec(ContainerRecord r) {
        return store.plan(r.id).orElseThrow(() -> new ContainerException("container " + r.name + " ("
                + r.id.substring(0, 12) + ") has no launch plan (it was recorded by an older version of"
                + " sixcontainer): exec into it is refused, since its confinement and cgroups are not known;"
                + " remove it and launch it again"));
    }

    /** The container's plan as JSON, if it has a readable one. */
    Optional<String> planJson(String id) {
        record(id);
        return store.plan(id).map(plan -> {
            try {
                return new String(LaunchPlanJson.write(plan), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new ContainerException("cannot write the plan of container " + id + ": " + e.getMessage(), e);
            }
        });
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
        if (r.status == ContainerStatus.EXITED && r.exitSignal != null && !r.oomKilled
                && store.plan(id).map(LaunchPlan::detached).orElse(false) && cgroupOf(id).oomKilled()) {
            r = store.update(id, x -> x.oomKilled = true);
        }
        return r;
    }

    /**
     * The container's cgroup where its plan placed it; without a plan (a container recorded by
     * an older version, or a torn plan), wherever under the default parent it could be.
     */
    CgroupManager cgroupOf(String id) {
        return CgroupManager.of(store.plan(id).map(LaunchPlan::cgroups)
                .orElseGet(() -> CgroupLayout.host().everywhere(id, Resources.DEFAULT_CGROUP_PARENT)));
    }

    ResourceUsage usage(String id) {
        record(id);
        return cgroupOf(id).usage();
    }

    boolean exists(String id) {
        return store.read(id).isPresent();
    }

    ContainerInfo info(String id) {
        return record(id).toInfo(store.plan(id).orElse(null), store.dir(id));
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
                ContainerInfo info = r.toInfo(null, store.dir(id));
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
                try {
                    awaitExit(id, null);
                } catch (ContainerException unobserved) {
                    // Ended with no exit record (its monitor was gone too): all a removal needs is that it ended.
                    if (record(id).status == ContainerStatus.RUNNING) {
                        throw unobserved;
                    }
                }
            }
            // The directory goes into the trash first: from here no reader finds the container,
            // and a JVM killed in the middle leaves it there (with the record, so the cgroup's
            // parent) for the next open to finish. Its files are deleted in the background.
            Optional<LaunchPlan> ended = store.plan(id);
            ended.ifPresent(p -> networks.detach(id, p.network()));
            java.nio.file.Path doomed = store.detach(id);
            Optional<LaunchPlan> plan = store.planIn(doomed);
            CgroupManager.of(plan.map(LaunchPlan::cgroups)
                    .orElseGet(() -> CgroupLayout.host().everywhere(id, Resources.DEFAULT_CGROUP_PARENT))).remove();
            names.release(rec.name, id);
            store.purgeLater(id, doomed);
            images.containerRemoved(plan.map(LaunchPlan::image).map(ImageLayers::id).orElse(null));
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

    List<LogEntry> logs(String id, LogQuery query) {
        return CriLog.read(logFile(id), query);
    }

    void followLogs(String id, LogQuery query, Consumer<LogEntry> sink) {
        CriLog.follow(logFile(id), query, sink, () -> record(id).status == ContainerStatus.RUNNING);
    }

    private java.nio.file.Path logFile(String id) {
        record(id);
        boolean detached = store.plan(id).map(LaunchPlan::detached)
                .orElseGet(() -> java.nio.file.Files.exists(store.dir(id).resolve(StateStore.LOG_FILE)));
        if (!detached) {
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
