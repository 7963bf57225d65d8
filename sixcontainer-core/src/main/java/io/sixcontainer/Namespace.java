package io.sixcontainer;

/** The Linux namespaces a container can get a new instance of. */
public enum Namespace {
    /** Hostname and domain name. */
    UTS,
    /** Process ids: the command is PID 1 and sees only the container's processes. */
    PID,
    /** The mount table: the container's mounts never reach the host. */
    MOUNT,
    /** System V IPC and POSIX message queues. */
    IPC,
    /** Network devices, addresses, ports: only {@code lo}, up. */
    NET,
    /**
     * The cgroup view: the container's own cgroup is the root of its {@code /proc/self/cgroup}
     * and of the read-only {@code /sys/fs/cgroup} it gets.
     */
    CGROUP
}
