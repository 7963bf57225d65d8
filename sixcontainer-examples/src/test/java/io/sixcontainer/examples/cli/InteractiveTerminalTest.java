package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sixc run -ti} under a real terminal: tmux runs it in a pane, the test types with
 * {@code send-keys} and reads the screen with {@code capture-pane}.
 */
class InteractiveTerminalTest {

    private static final Duration PATIENCE = TmuxSession.PATIENCE;

    @TempDir
    Path dir;
    @TempDir
    Path root;
    @RegisterExtension
    final TmuxTerminals terminals = new TmuxTerminals();

    @org.junit.jupiter.api.AfterEach
    void removeNetworks() {
        CliNetworks.removeAll(root);
    }
    private TmuxSession tmux;

    @Test
    void interactiveShellFollowsResizeTakesCtrlCAndPassesItsExitCode() throws IOException {
        Path rc = dir.resolve("rc");
        Path sttyAfter = dir.resolve("stty-after");
        Path script = dir.resolve("session.sh");
        String sixc = CliProcess.javaCommand(root, "run", "-ti", "busybox", "sh").stream()
                .map(TmuxSession::quote).collect(Collectors.joining(" "));
        Files.writeString(script, sixc + "\necho RC=$? > " + quote(rc.toString())
                + "\nstty -a > " + quote(sttyAfter + ".tmp") + " && mv " + quote(sttyAfter + ".tmp") + " "
                + quote(sttyAfter.toString()) + "\n");
        tmux = terminals.start(100, 30, "sh " + quote(script.toString()));

        tmux.awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("/ #")), "a shell prompt");

        tmux.type("stty size");
        tmux.awaitScreen(lines -> lines.contains(tmux.paneSize()), "stty size = the pane's size " + tmux.paneSize());
        tmux.resize(120, 40);
        String resized = tmux.paneSize();
        assertThat(resized).isNotEqualTo("30 100").endsWith(" 120");
        // SIGWINCH reaches sixc asynchronously: ask again until the new size has arrived.
        Instant deadline = Instant.now().plus(PATIENCE);
        do {
            tmux.type("clear; stty size");
            sleep(300);
        } while (!tmux.screen().contains(resized) && Instant.now().isBefore(deadline));
        tmux.awaitScreen(lines -> lines.contains(resized), "stty size after the resize = " + resized);

        // "sleeping" comes from inside the job, so the job is the terminal's foreground group by then.
        tmux.type("sh -c 'echo sleeping; exec sleep 100'");
        tmux.awaitScreen(lines -> lines.contains("sleeping"), "sleep to start");
        tmux.keys("C-c");
        // The interrupt flushes type-ahead: wait for the next prompt before typing on.
        tmux.awaitScreen(lines -> lines.indexOf("sleeping") >= 0
                && lines.subList(lines.indexOf("sleeping"), lines.size()).stream().anyMatch(l -> l.startsWith("/ #")),
                "a prompt after the interrupt");
        tmux.type("echo after=$?");
        tmux.awaitScreen(lines -> lines.contains("after=130"), "the interrupted sleep's status, with sixc still attached");

        tmux.type("exit 7");
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
                    .map(TmuxSession::quote).collect(Collectors.joining(" "));
            Path script = dir.resolve("exec.sh");
            Files.writeString(script, sixc + "\necho RC=$? > " + quote(rc + ".tmp") + " && mv " + quote(rc + ".tmp")
                    + " " + quote(rc.toString()) + "\n");
            tmux = terminals.start(90, 25, "sh " + quote(script.toString()));
            tmux.awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("/ #")), "a shell prompt in the exec");
            tmux.type("[ -t 0 ] && [ -t 1 ] && echo on-a-tty");
            tmux.awaitScreen(lines -> lines.contains("on-a-tty"), "stdin and stdout on a terminal");
            tmux.type("stty size");
            tmux.awaitScreen(lines -> lines.contains(tmux.paneSize()), "the pane's size " + tmux.paneSize());
            tmux.type("cat /proc/1/cmdline; echo");
            tmux.awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("sleep")), "the container's PID 1");
            tmux.type("exit 3");
            Instant deadline = Instant.now().plus(PATIENCE);
            while (!Files.exists(rc) && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            assertThat(Files.readString(rc).strip()).isEqualTo("RC=3");
        } finally {
            CliProcess.run(root, "rm", "-f", "box");
        }
    }

    private static String quote(String s) {
        return TmuxSession.quote(s);
    }

    private static void sleep(long millis) {
        TmuxSession.sleep(millis);
    }
}
