package io.sixcontainer;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A command started in a running container by {@link Container#exec}. It is in the
 * container's namespaces and cgroups, and dies with the container's init. It is attached:
 * it is killed if this JVM dies.
 */
public interface ExecProcess extends AutoCloseable {

    /** Its host pid. */
    int pid();

    /** Blocks until it ends. */
    ExitStatus waitFor();

    /** Blocks at most {@code timeout}; empty if it still runs. */
    Optional<ExitStatus> waitFor(Duration timeout);

    /** True until it has ended. */
    boolean isRunning();

    /** Kills it with SIGKILL; returns at once. */
    void kill();

    /** Its stdin when the spec said {@link Stdio#pipe()}. */
    OutputStream stdin();

    /** Its stdout when the spec said {@link Stdio#pipe()}. */
    InputStream stdout();

    /** Its stderr when the spec said {@link Stdio#pipe()}. */
    InputStream stderr();

    /**
     * Sets the size of its terminal in character cells.
     *
     * @throws IllegalStateException if it has no terminal ({@link ExecSpec.Builder#tty})
     */
    void resizeTty(int columns, int rows);

    /** Kills it if it still runs, waits, and closes its streams. */
    @Override
    void close();
}
