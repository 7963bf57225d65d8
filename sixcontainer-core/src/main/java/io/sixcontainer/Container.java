package io.sixcontainer;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A handle on a container. Handles are cheap: {@link ContainerRuntime#get(String)} makes one for any
 * recorded container. An attached container (launched by this JVM without
 * {@link ContainerSpec.Builder#detached(boolean)}) dies with this JVM, even when it is killed
 * with SIGKILL; {@link #close()} on it stops and removes it. A detached container outlives
 * every JVM; closing its handle does nothing to it.
 */
public interface Container extends AutoCloseable {

    /** The container's id: 64 lowercase hex characters. */
    String id();

    /** The container's unique name. */
    String name();

    /** The host pid of the container's init (its PID 1), or 0 when it does not run. */
    int pid();

    /** The container's recorded state, checked against the kernel now. */
    ContainerInfo info();

    /**
     * Where the host reaches TCP port {@code containerPort} of the container: the host port it
     * is published at ({@link ContainerSpec.Builder#publish}), at its host address, or at
     * 127.0.0.1 when it is published on every address.
     *
     * @throws ContainerException if that port is not published over TCP
     */
    default java.net.InetSocketAddress endpoint(int containerPort) {
        for (PublishedPort p : info().ports()) {
            if (p.containerPort() == containerPort && p.transport() == PublishedPort.Transport.TCP) {
                if (p.hostIp() != null && !p.hostIp().isAnyLocalAddress()) {
                    return new java.net.InetSocketAddress(p.hostIp(), p.hostPort());
                }
                return new java.net.InetSocketAddress(PublishedPort.ipv4("127.0.0.1", "127.0.0.1"), p.hostPort());
            }
        }
        throw new ContainerException("container " + id().substring(0, 12) + " does not publish port " + containerPort
                + "/tcp");
    }

    /**
     * What its launch decided, as the JSON of its saved launch plan: the image and its layers,
     * the root, the command with every default applied (environment, working directory, user),
     * the namespaces and hostname, the mounts in order, the confinement, the resource limits
     * and the paths of its cgroups (docs/state.md). Empty for a container recorded by a
     * version before launch plans.
     *
     * @throws ContainerException if the container was removed, or its plan cannot be read
     */
    java.util.Optional<String> launchPlan();

    /**
     * Blocks until the command ends and returns how it ended.
     *
     * @throws ContainerException if it ended while nobody could observe how (e.g. a reboot)
     */
    ExitStatus waitFor();

    /** Blocks at most {@code timeout}; empty if the command still runs. */
    Optional<ExitStatus> waitFor(Duration timeout);

    /** True until the command has ended. */
    boolean isRunning();

    /**
     * The memory peak and cpu time of the container so far; after it ended, the final
     * values. Build tools use it to report what a step cost.
     */
    ResourceUsage resourceUsage();

    /** Kills every process of the container with SIGKILL; returns at once (use {@link #waitFor()}). */
    void kill();

    /**
     * Sends {@code signal} to the container's init. PID 1 of a container ignores signals it
     * has no handler for (except SIGKILL).
     *
     * @throws ContainerException if the container does not run
     */
    void kill(int signal);

    /**
     * Stops the container: SIGTERM to its init, SIGKILL if it still runs after {@code grace}.
     *
     * @return how it ended
     */
    ExitStatus stop(Duration grace);

    /**
     * Removes the container's record, name and log (never a volume's host data).
     *
     * @param force also remove a running container (it is killed first)
     * @throws ContainerException if it runs and {@code force} is false
     */
    void remove(boolean force);

    /**
     * Starts a command inside the running container: its namespaces, cgroups and
     * environment (plus the spec's additions), never the host's. The command dies with the
     * container's init, and with this JVM.
     *
     * @throws LaunchException if the command cannot be started (not found, not executable,
     *                         a bad working directory); nothing runs anywhere then
     * @throws ContainerException if the container does not run
     */
    ExecProcess exec(ExecSpec spec);

    /**
     * Runs a command inside the running container to completion and collects its output
     * (whatever the spec said for stdout and stderr); it is killed after {@code timeout}.
     *
     * @throws ContainerException if it does not end within {@code timeout}, or the container does not run
     */
    ExecResult execAndCollect(ExecSpec spec, Duration timeout);

    /**
     * The log of a detached container (both streams, in order).
     *
     * @throws ContainerException for an attached container, whose output went to its launcher
     */
    List<LogEntry> logs(LogQuery query);

    /** Delivers the log entries matching {@code query}, then new ones as written, until the container ends. */
    void followLogs(LogQuery query, Consumer<LogEntry> sink);

    /**
     * The container's stdin, when the spec said {@link Stdio#pipe()}; closing it gives the
     * command end of file. With a terminal ({@link ContainerSpec#tty()}), the terminal's input.
     *
     * @throws IllegalStateException if stdin is not a pipe of this handle
     */
    OutputStream stdin();

    /**
     * The container's stdout, when the spec said {@link Stdio#pipe()}. With a terminal
     * ({@link ContainerSpec#tty()}), everything the container writes to it.
     *
     * @throws IllegalStateException if stdout is not a pipe of this handle
     */
    InputStream stdout();

    /**
     * The container's stderr, when the spec said {@link Stdio#pipe()}. With a terminal, an
     * empty stream: what the container writes to stderr is in {@link #stdout()}.
     *
     * @throws IllegalStateException if stderr is not a pipe of this handle
     */
    InputStream stderr();

    /**
     * Sets the size of the container's terminal in character cells; the container's
     * foreground job gets {@code SIGWINCH} when it changes.
     *
     * @throws IllegalStateException if the container has no terminal ({@link ContainerSpec.Builder#tty})
     * @throws IllegalArgumentException if a size is outside 0..65535
     */
    default void resizeTty(int columns, int rows) {
        throw new IllegalStateException("container " + id() + " has no terminal (see ContainerSpec.Builder.tty)");
    }

    /**
     * Attached container: kills it if it still runs, waits for it, closes its streams and
     * removes it. Detached container: releases the handle only.
     */
    @Override
    void close();

    /**
     * Makes an image of this container (running or exited): its image plus one layer of its
     * changes, never its volumes or the {@code /proc}, {@code /dev}, {@code /sys} mounted over
     * its root. Deletions become whiteouts.
     *
     * @param name    {@code NAME[:TAG]} for the new image, or null for an untagged one
     * @param command the new image's default command, or null to keep its image's
     * @throws ImageException if the container runs on a rootfs directory or the host image, or
     *                        the name is invalid
     */
    ImageInfo commit(String name, java.util.List<String> command);

    /** {@link #commit(String, java.util.List)} keeping the image's default command. */
    default ImageInfo commit(String name) {
        return commit(name, null);
    }
}
