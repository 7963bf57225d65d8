package io.sixcontainer.examples.cli;

import io.sixcontainer.PullProgress;
import io.sixcontainer.ffi.Terminals;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code sixc pull} (and {@code run} of a missing image) shows of each layer, on stderr:
 * on a terminal one line per layer with a bar, redrawn in place as docker does; otherwise (a
 * pipe, a log) one line each time a layer finishes, exists already or resumes. Called from the
 * pull's download threads.
 */
final class PullDisplay implements Consumer<PullProgress> {

    private static final int STDERR = 2;
    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err = System.err;
    private final boolean terminal;
    private final boolean quiet;
    private final Map<String, PullProgress> layers = new LinkedHashMap<>();
    private int drawnLines;
    private long lastDraw;

    private PullDisplay(boolean terminal, boolean quiet) {
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** A display for stderr as it is; {@code quiet} shows nothing. */
    static PullDisplay forStderr(boolean quiet) {
        return new PullDisplay(Terminals.isTerminal(STDERR), quiet);
    }

    @Override
    public synchronized void accept(PullProgress p) {
        if (quiet) {
            return;
        }
        PullProgress before = layers.put(p.layer(), p);
        if (terminal) {
            long now = System.nanoTime();
            boolean stateChanged = before == null || before.state() != p.state();
            if (stateChanged || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                redraw();
            }
            return;
        }
        switch (p.state()) {
            case EXISTS -> err.println(p.shortLayer() + ": Already exists");
            case RESUMING -> err.println(p.shortLayer() + ": Connection dropped, resuming at " + size(p.done()));
            case DONE -> err.println(p.shortLayer() + ": Pull complete (" + size(p.total()) + ")");
            default -> {
                // WAITING and DOWNLOADING are too many lines for a log
            }
        }
    }

    private void redraw() {
        StringBuilder out = new StringBuilder();
        if (drawnLines > 0) {
            out.append("\033[").append(drawnLines).append('F');
        }
        for (PullProgress p : layers.values()) {
            out.append("\033[2K").append(p.shortLayer()).append(": ").append(line(p)).append('\n');
        }
        drawnLines = layers.size();
        err.print(out);
        err.flush();
    }

    private static String line(PullProgress p) {
        return switch (p.state()) {
            case WAITING -> "Waiting";
            case EXISTS -> "Already exists";
            case DONE -> "Pull complete";
            case DOWNLOADING, RESUMING -> {
                int filled = p.total() == 0 ? BAR : (int) (BAR * p.done() / p.total());
                yield (p.state() == PullProgress.State.RESUMING ? "Resuming    " : "Downloading ") + "["
                        + "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(BAR - filled)
                        + "] " + size(p.done()) + "/" + size(p.total());
            }
        };
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1fkB", bytes / 1024.0);
        }
        return String.format("%.1fMB", bytes / (1024.0 * 1024));
    }
}
