package io.sixcontainer;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A launched container. Attached containers die with the JVM that launched them, even
 * when it is killed with SIGKILL. {@link #close()} kills the container if it still runs
 * and releases its resources.
 */
public interface Container extends AutoCloseable {

    /** The container's id: 64 lowercase hex characters. */
    String id();

    /** The host pid of the container's init (its PID 1). */
    int pid();

    /** Blocks until the command ends and returns how it ended. */
    ExitStatus waitFor();

    /** Blocks at most {@code timeout}; empty if the command still runs. */
    Optional<ExitStatus> waitFor(Duration timeout);

    /** True until the command has ended. */
    boolean isRunning();

    /** Kills every process of the container with SIGKILL; returns at once (use {@link #waitFor()}). */
    void kill();

    /**
     * The container's stdin, when the spec said {@link Stdio#pipe()}; closing it gives the
     * command end of file. With a terminal ({@link ContainerSpec#tty()}), the terminal's input.
     *
     * @throws IllegalStateException if stdin is not a pipe
     */
    OutputStream stdin();

    /**
     * The container's stdout, when the spec said {@link Stdio#pipe()}. With a terminal
     * ({@link ContainerSpec#tty()}), everything the container writes to it.
     *
     * @throws IllegalStateException if stdout is not a pipe
     */
    InputStream stdout();

    /**
     * The container's stderr, when the spec said {@link Stdio#pipe()}. With a terminal, an
     * empty stream: what the container writes to stderr is in {@link #stdout()}.
     *
     * @throws IllegalStateException if stderr is not a pipe
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

    /** Kills the container if it still runs, waits for it, and closes its streams. */
    @Override
    void close();
}
