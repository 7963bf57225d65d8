package io.sixcontainer.examples.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs an action on each SIGWINCH (the host terminal was resized). sun.misc.Signal is the
 * only way the JDK offers to catch a signal: jdk.internal.misc.Signal is not exported, and a
 * sigaction through FFM would fight the JVM's own signal handling.
 */
final class WindowChanges implements AutoCloseable {

    private static final Signal WINCH = new Signal("WINCH");

    private final SignalHandler previous;

    private WindowChanges(Runnable action) {
        this.previous = Signal.handle(WINCH, sig -> action.run());
    }

    /** Starts calling {@code action} on SIGWINCH, until {@link #close()}. */
    static WindowChanges onEach(Runnable action) {
        return new WindowChanges(action);
    }

    /** Puts the previous SIGWINCH handler back. */
    @Override
    public void close() {
        Signal.handle(WINCH, previous);
    }
}
