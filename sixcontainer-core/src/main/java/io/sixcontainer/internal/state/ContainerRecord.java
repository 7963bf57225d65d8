package io.sixcontainer.internal.state;

import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ExitStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The persisted state of one container ({@code containers/<id>/state.json}). Mutable, and
 * only ever changed by {@link StateStore#update} under the container's lock.
 */
public final class ContainerRecord {

    /** Format version of state.json. */
    public int version = 1;
    /** The container id. */
    public String id;
    /** The unique name. */
    public String name;
    /** The image or root filesystem it runs. */
    public String image;
    /** Command and arguments. */
    public List<String> command = List.of();
    /** The id of the image the root was made from, or null for a rootfs directory. */
    public String imageId;
    /** The image's layers (diff ids, bottom first) the container's root uses. */
    public List<String> layers = List.of();
    /** The command's environment as KEY=VALUE, which exec'd commands start from. */
    public List<String> env = List.of();
    /** The command's working directory, where exec'd commands start by default. */
    public String workingDir = "/";
    /**
     * The confinement records of the launch config (docs/protocol.md, tags 20-25), which exec'd
     * commands get too. Kept in a file of their own beside the record ({@link StateStore#confinement});
     * here only in records written before that (and in state.json only when not null).
     */
    public byte[] confinement;
    /** The USER/GROUPS or USER_NAME/GROUP_NAME records (docs/protocol.md) of its user, or null for root; exec'd commands default to them. */
    public byte[] user;
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
    /** The cgroup parent its cgroup was made under (see Resources#cgroupParent()). */
    public String cgroupParent;
    /** Whether it runs independently of its launching JVM. */
    public boolean detached;
    /** Whether it is removed as soon as it has exited. */
    public boolean autoRemove;
    /** The launching JVM (pid + start time), to tell a launch in progress from an abandoned one. */
    public int launcherPid;
    /** Start time of the launching JVM's pid. */
    public long launcherStartTime;

    /** The public snapshot of this record. */
    public ContainerInfo toInfo(Path dir) {
        ExitStatus exit = exitSignal != null ? ExitStatus.signaled(exitSignal)
                : exitCode != null ? ExitStatus.exited(exitCode) : null;
        if (exit != null && oomKilled) {
            exit = exit.withOomKilled(true);
        }
        return new ContainerInfo(id, name, image, List.copyOf(command), status, created, started, finished,
                status == ContainerStatus.RUNNING ? pid : 0, exit, detached,
                detached ? dir.resolve(StateStore.LOG_FILE) : null);
    }
}
