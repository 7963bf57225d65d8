package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sixc run -ti} under a real terminal: tmux runs it in a pane, the test types with
 * {@code send-keys} and reads the screen with {@code capture-pane}.
 */
class InteractiveTerminalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    @TempDir
    Path root;
    private String socket;

    @BeforeEach
    void setUp() {
        CliProcess.assumeRoot();
        assumeTrue(tmux("-V").exitCode() == 0 || "true".equalsIgnoreCase(System.getenv("CI")), "needs tmux");
        socket = "sixc-test-" + ProcessHandle.current().pid();
    }

    @AfterEach
    void tearDown() {
        if (socket != null) {
            tmux("kill-server");
        }
    }

    @Test
    void interactiveShellFollowsResizeTakesCtrlCAndPassesItsExitCode() throws IOException {
        Path rc = dir.resolve("rc");
        Path sttyAfter = dir.resolve("stty-after");
        Path script = dir.resolve("session.sh");
        String sixc = CliProcess.javaCommand(root, "run", "-ti", "busybox", "sh").stream()
                .map(InteractiveTerminalTest::quote).collect(Collectors.joining(" "));
        Files.writeString(script, sixc + "\necho RC=$? > " + quote(rc.toString())
                + "\nstty -a > " + quote(sttyAfter + ".tmp") + " && mv " + quote(sttyAfter + ".tmp") + " "
                + quote(sttyAfter.toString()) + "\n");
        assertThat(tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "30", "sh " + quote(script.toString()))
                .exitCode()).isZero();

        awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("/ #")), "a shell prompt");

        type("stty size");
        awaitScreen(lines -> lines.contains(paneSize()), "stty size = the pane's size " + paneSize());
        assertThat(tmux("resize-window", "-t", "t", "-x", "120", "-y", "40").exitCode()).isZero();
        String resized = paneSize();
        assertThat(resized).isNotEqualTo("30 100").endsWith(" 120");
        // SIGWINCH reaches sixc asynchronously: ask again until the new size has arrived.
        Instant deadline = Instant.now().plus(PATIENCE);
        do {
            type("clear; stty size");
            sleep(300);
        } while (!screen().contains(resized) && Instant.now().isBefore(deadline));
        awaitScreen(lines -> lines.contains(resized), "stty size after the resize = " + resized);

        // "sleeping" comes from inside the job, so the job is the terminal's foreground group by then.
        type("sh -c 'echo sleeping; exec sleep 100'");
        awaitScreen(lines -> lines.contains("sleeping"), "sleep to start");
        assertThat(tmux("send-keys", "-t", "t", "C-c").exitCode()).isZero();
        // The interrupt flushes type-ahead: wait for the next prompt before typing on.
        awaitScreen(lines -> lines.indexOf("sleeping") >= 0
                && lines.subList(lines.indexOf("sleeping"), lines.size()).stream().anyMatch(l -> l.startsWith("/ #")),
                "a prompt after the interrupt");
        type("echo after=$?");
        awaitScreen(lines -> lines.contains("after=130"), "the interrupted sleep's status, with sixc still attached");

        type("exit 7");
        deadline = Instant.now().plus(PATIENCE);
        while (!Files.exists(sttyAfter) && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(Files.readString(rc).strip()).isEqualTo("RC=7");
        // The host terminal is back in cooked mode: canonical input and echo on again.
        List<String> modes = List.of(Files.readString(sttyAfter).split("[\\s;]+"));
        assertThat(modes).contains("icanon", "echo", "isig", "icrnl", "opost").doesNotContain("-icanon", "-echo");
    }

    @Test
    void execWithATerminalGetsItsOwnPtyAndPassesItsExitCode() throws IOException {
        assertThat(CliProcess.run(root, "run", "-d", "--name", "box", "busybox", "sleep", "100").exitCode()).isZero();
        try {
            Path rc = dir.resolve("rc");
            String sixc = CliProcess.javaCommand(root, "exec", "-it", "box", "sh").stream()
                    .map(InteractiveTerminalTest::quote).collect(Collectors.joining(" "));
            Path script = dir.resolve("exec.sh");
            Files.writeString(script, sixc + "\necho RC=$? > " + quote(rc + ".tmp") + " && mv " + quote(rc + ".tmp")
                    + " " + quote(rc.toString()) + "\n");
            assertThat(tmux("new-session", "-d", "-s", "t", "-x", "90", "-y", "25", "sh " + quote(script.toString()))
                    .exitCode()).isZero();
            awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("/ #")), "a shell prompt in the exec");
            type("[ -t 0 ] && [ -t 1 ] && echo on-a-tty");
            awaitScreen(lines -> lines.contains("on-a-tty"), "stdin and stdout on a terminal");
            type("stty size");
            awaitScreen(lines -> lines.contains(paneSize()), "the pane's size " + paneSize());
            type("cat /proc/1/cmdline; echo");
            awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("sleep")), "the container's PID 1");
            type("exit 3");
            Instant deadline = Instant.now().plus(PATIENCE);
            while (!Files.exists(rc) && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            assertThat(Files.readString(rc).strip()).isEqualTo("RC=3");
        } finally {
            CliProcess.run(root, "rm", "-f", "box");
        }
    }

    private void type(String line) {
        assertThat(tmux("send-keys", "-t", "t", "-l", line).exitCode()).isZero();
        assertThat(tmux("send-keys", "-t", "t", "Enter").exitCode()).isZero();
    }

    private List<String> screen() {
        return tmux("capture-pane", "-p", "-t", "t").out().lines().map(String::stripTrailing).toList();
    }

    private String paneSize() {
        return tmux("display-message", "-p", "-t", "t", "#{pane_height} #{pane_width}").out().strip();
    }

    private void awaitScreen(Predicate<List<String>> condition, String what) {
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

    private record Run(int exitCode, String out) {
    }

    private Run tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket == null ? "sixc-probe" : socket));
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

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
