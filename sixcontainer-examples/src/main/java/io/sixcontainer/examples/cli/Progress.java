package io.sixcontainer.examples.cli;

import io.sixcontainer.ffi.Terminals;
import java.io.PrintStream;

/**
 * A one-line progress display on stderr for long operations (import, export, commit): the
 * operation and the time it has taken, redrawn in place. Nothing at all when stderr is not a
 * terminal, so piped and scripted use stays quiet.
 */
final class Progress implements AutoCloseable {

    private static final int STDERR = 2;
    private static final long REDRAW_MILLIS = 200;

    private final String what;
    private final long start = System.nanoTime();
    private final Thread drawer;
    private final PrintStream err = System.err;

    private Progress(String what, boolean show) {
        this.what = what;
        this.drawer = show ? Thread.ofPlatform().daemon().name("sixc-progress").start(this::draw) : null;
    }

    /** Starts showing {@code what} (e.g. "importing busybox.tar") if stderr is a terminal. */
    static Progress start(String what) {
        return new Progress(what, Terminals.isTerminal(STDERR));
    }

    private void draw() {
        String[] spin = {"|", "/", "-", "\\"};
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            err.print("\r" + spin[i % spin.length] + " " + what + " " + elapsed());
            err.flush();
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String elapsed() {
        return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    }

    /** Stops and erases the line. */
    @Override
    public void close() {
        if (drawer == null) {
            return;
        }
        drawer.interrupt();
        try {
            drawer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.print("\r\033[K");
        err.flush();
    }
}
