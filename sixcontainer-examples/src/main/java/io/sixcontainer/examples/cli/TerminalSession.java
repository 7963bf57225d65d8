package io.sixcontainer.examples.cli;

import io.sixcontainer.ffi.Terminals;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * {@code sixc run -t}: connects this process's terminal to a container's pseudo-terminal.
 * While attached, the host terminal is in raw mode, so every key (Ctrl-C included) goes to
 * the container, whose terminal does the line editing and signals; the host terminal's size
 * follows to the container at start and on SIGWINCH. The host terminal is restored on every
 * way out: {@link #close()}, and a shutdown hook for a SIGTERM or SIGHUP while attached.
 */
final class TerminalSession implements AutoCloseable {

    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(5);

    private final TtyTarget container;
    private final int sizeSource;
    private final Thread output;
    private byte[] savedTerminal;
    private Thread restoreHook;
    private WindowChanges windowChanges;

    private TerminalSession(TtyTarget container, int sizeSource) {
        this.container = container;
        this.sizeSource = sizeSource;
        this.output = Thread.ofPlatform().daemon().name("sixc-tty-out")
                .unstarted(() -> copy(container.output(), new FileOutputStream(FileDescriptor.out)));
    }

    /** True when this process's stdin is a terminal (what {@code -it} needs). */
    static boolean stdinIsTerminal() {
        return Terminals.isTerminal(STDIN);
    }

    /**
     * Attaches to {@code container} (a container's or an exec'd process's terminal). With
     * {@code forwardInput}, this process's stdin is copied to it and, when it is a terminal,
     * put in raw mode.
     */
    static TerminalSession attach(TtyTarget container, boolean forwardInput) {
        int sizeSource = Terminals.isTerminal(STDIN) ? STDIN : Terminals.isTerminal(STDOUT) ? STDOUT : -1;
        TerminalSession s = new TerminalSession(container, sizeSource);
        try {
            if (forwardInput && sizeSource == STDIN) {
                s.makeRaw();
            }
            if (sizeSource >= 0) {
                s.followWindowSize();
            }
            s.output.start();
            if (forwardInput) {
                Thread.ofPlatform().daemon().name("sixc-tty-in")
                        .start(() -> copy(new FileInputStream(FileDescriptor.in), container.input()));
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Waits for the container, lets its last output reach the terminal, and returns its exit code. */
    int waitFor() {
        int code = container.waiter().get().shellCode();
        try {
            // Everything the container wrote is in the pty; the copier ends at its hang-up.
            output.join(OUTPUT_DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code;
    }

    private void makeRaw() {
        byte[] saved = Terminals.makeRaw(STDIN);
        savedTerminal = saved;
        restoreHook = new Thread(() -> Terminals.restore(STDIN, saved), "sixc-tty-restore");
        Runtime.getRuntime().addShutdownHook(restoreHook);
    }

    private void followWindowSize() {
        resizeFromHost();
        windowChanges = WindowChanges.onEach(this::resizeFromHost);
    }

    private void resizeFromHost() {
        try {
            int[] size = Terminals.windowSize(sizeSource);
            if (container.running().getAsBoolean()) {
                container.resizer().resize(size[0], size[1]);
            }
        } catch (RuntimeException e) {
            // The container ended between the check and the resize: nothing left to resize.
        }
    }

    /** Restores the host terminal and the SIGWINCH handler. */
    @Override
    public void close() {
        if (windowChanges != null) {
            windowChanges.close();
            windowChanges = null;
        }
        if (savedTerminal != null) {
            Terminals.restore(STDIN, savedTerminal);
            savedTerminal = null;
            try {
                Runtime.getRuntime().removeShutdownHook(restoreHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook restores again, harmlessly
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side is gone (the container ended, or our stdout was closed): stop copying.
        }
    }
}
