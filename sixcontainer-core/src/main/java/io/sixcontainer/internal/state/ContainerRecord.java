package io.sixcontainer.internal.state;

import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ExitStatus;
import io.sixcontainer.internal.plan.LaunchPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The persisted state of one container ({@code containers/<id>/state.json}): what changes
 * while it lives (status, pid, exit, name). What its launch decided is in its
 * {@link io.sixcontainer.internal.plan.LaunchPlan}, which never changes. Mutable, and only
 * ever changed by {@link StateStore#update} under the container's lock.
 */
public final class ContainerRecord {

    /** The version this code writes; records of version 1 (before launch plans) are read for removal only. */
    public static final int VERSION = 2;

    /** Format version of state.json: 2 since the launch plan holds what the launch decided. */
    public int version = VERSION;
    /** The container id. */
    public String id;
    /** The unique name. */
    public String name;
    /** Status as last recorded (see {@link StateStore#refresh}). */
    public ContainerStatus status = ContainerStatus.CREATED;
    /** Creation time. */
    public Instant created;
    /** Start time of the command. */
    public Instant started;
    /** End time of the command. */
    public Instant finished;
    /** Host pid of the init while running. */
    public int pid;
    /** Start time of that pid (field 22 of /proc/pid/stat), so a reused pid is never taken for it. */
    public long pidStartTime;
    /** Exit code, when it exited. */
    public Integer exitCode;
    /** Killing signal, when it was killed. */
    public Integer exitSignal;
    /** Whether the kernel's OOM killer killed a process of it. */
    public boolean oomKilled;
    /** The launching JVM (pid + start time), to tell a launch in progress from an abandoned one. */
    public int launcherPid;
    /** Start time of the launching JVM's pid. */
    public long launcherStartTime;

    /**
     * The public snapshot of this record and its plan.
     *
     * @param plan the container's plan, or null when it has none that can be read (a container
     *             recorded by a version before launch plans)
     */
    public ContainerInfo toInfo(LaunchPlan plan, Path dir) {
        ExitStatus exit = exitSignal != null ? ExitStatus.signaled(exitSignal)
                : exitCode != null ? ExitStatus.exited(exitCode) : null;
        if (exit != null && oomKilled) {
            exit = exit.withOomKilled(true);
        }
        boolean detached = plan != null && plan.detached();
        return new ContainerInfo(id, name, plan != null ? plan.imageLabel() : "(unknown: recorded before launch plans)",
                plan != null ? plan.process().args() : List.of(), status, created, started, finished,
                status == ContainerStatus.RUNNING ? pid : 0, exit, detached,
                detached ? dir.resolve(StateStore.LOG_FILE) : null,
                plan != null ? plan.network().name() : "none", plan != null ? plan.network().address() : null,
                plan != null ? plan.network().ports() : List.of());
    }
}
