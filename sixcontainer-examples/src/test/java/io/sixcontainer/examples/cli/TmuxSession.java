package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for a test: a tmux server of its own with one detached session whose pane
 * runs a command. The test types with {@code send-keys} and reads the screen with
 * {@code capture-pane}.
 */
final class TmuxSession implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String socket;

    private TmuxSession(String socket) {
        this.socket = socket;
    }

    /** Whether tmux runs here (with CI=true it must: the test then fails rather than skips). */
    static boolean available() {
        return new TmuxSession("sixc-probe").tmux("-V").exitCode() == 0 || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A session of {@code width} x {@code height} running {@code command} (a shell command line). */
    static TmuxSession start(int width, int height, String command) {
        TmuxSession s = new TmuxSession("sixc-test-" + ProcessHandle.current().pid());
        assertThat(s.tmux("new-session", "-d", "-s", "t", "-x", Integer.toString(width), "-y",
                Integer.toString(height), command).exitCode()).isZero();
        return s;
    }

    /** Types {@code line} and Enter. */
    void type(String line) {
        assertThat(tmux("send-keys", "-t", "t", "-l", line).exitCode()).isZero();
        keys("Enter");
    }

    /** Sends keys by tmux name ({@code C-c}, {@code Enter}). */
    void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        assertThat(tmux(args.toArray(String[]::new)).exitCode()).isZero();
    }

    /** Resizes the window. */
    void resize(int width, int height) {
        assertThat(tmux("resize-window", "-t", "t", "-x", Integer.toString(width), "-y", Integer.toString(height))
                .exitCode()).isZero();
    }

    /** The pane's lines, trailing blanks stripped. */
    List<String> screen() {
        return tmux("capture-pane", "-p", "-t", "t").out().lines().map(String::stripTrailing).toList();
    }

    /** The pane's size as {@code stty size} prints it: rows, then columns. */
    String paneSize() {
        return tmux("display-message", "-p", "-t", "t", "#{pane_height} #{pane_width}").out().strip();
    }

    /** Waits until the screen satisfies {@code condition}; fails naming {@code what} and showing the screen. */
    void awaitScreen(Predicate<List<String>> condition, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline)) {
            lines = screen();
            if (condition.test(lines)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the screen shows:\n"
                + String.join("\n", lines));
    }

    @Override
    public void close() {
        String socketPath = tmux("display-message", "-p", "#{socket_path}").out().strip();
        tmux("kill-server");
        // A killed server can leave its socket file behind in /tmp/tmux-UID.
        if (!socketPath.isEmpty()) {
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(socketPath));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Quotes {@code s} for a POSIX shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Run(int exitCode, String out) {
    }

    private Run tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux " + String.join(" ", args) + " hangs");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            if (args.length == 1 && args[0].equals("-V")) {
                return new Run(127, e.getMessage());
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
