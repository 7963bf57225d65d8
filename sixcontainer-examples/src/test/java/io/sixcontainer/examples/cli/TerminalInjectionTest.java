package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIOCSTI injection (CVE-2017-5226): a container handed the caller's terminal must not push
 * input into it. An interactive shell runs in a tmux pane; sixc runs from it a static
 * program that tries {@code ioctl(fd, TIOCSTI)} with a command that would create a marker
 * file on the host once the shell reads its terminal again. Each container process leads a
 * session of its own, so the caller's terminal is not its controlling terminal and the
 * kernel refuses (EPERM) without CAP_SYS_ADMIN; with {@code -t} the container only ever
 * holds a terminal of its own.
 */
class TerminalInjectionTest {

    private static final String EPERM = "errno 1";

    @TempDir
    static Path bin;
    @TempDir
    static Path root;
    @TempDir
    Path dir;
    @RegisterExtension
    final TmuxTerminals terminals = new TmuxTerminals();

    @org.junit.jupiter.api.AfterAll
    static void removeNetworks() {
        CliNetworks.removeAll(root);
    }

    @BeforeAll
    static void buildAttacker() throws Exception {
        CliProcess.assumeRoot();
        assumeTrue(TmuxSession.available(), "needs tmux");
        Path source = bin.resolve("tiocsti.c");
        try (InputStream in = TerminalInjectionTest.class.getResourceAsStream("tiocsti.c")) {
            Files.copy(in, source);
        }
        Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-Wall", "-Werror", "-o",
                bin.resolve("tiocsti").toString(), source.toString()).redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(out).isZero();
    }

    @AfterEach
    void tearDown() {
        CliProcess.run(root, "rm", "-f", "box");
    }

    @Test
    void runWithTheCallersTerminalAsStdoutCannotInject() {
        assertThat(attack("run", "-v", bin + ":/t:ro", "busybox")).isEqualTo("tiocsti fd 1: " + EPERM);
    }

    @Test
    void runWithTheCallersTerminalAsStdinCannotInject() {
        assertThat(attack("run", "-i", "-v", bin + ":/t:ro", "busybox")).isEqualTo("tiocsti fd 0: " + EPERM);
    }

    @Test
    void execWithTheCallersTerminalCannotInject() {
        assertThat(CliProcess.run(root, "run", "-d", "--name", "box", "-v", bin + ":/t:ro", "busybox", "sleep", "100")
                .exitCode()).isZero();
        assertThat(attack("exec", "-i", "box")).isEqualTo("tiocsti fd 0: " + EPERM);
    }

    // With a terminal the container's TIOCSTI works, on its own pty: the caller's is out of reach.
    @Test
    void aTerminalOfItsOwnTakesTheInputInstead() {
        assertThat(attack("run", "-t", "-v", bin + ":/t:ro", "busybox")).isEqualTo("tiocsti fd 0: injected");
    }

    // CAP_SYS_ADMIN lets TIOCSTI reach any terminal the process holds: -t keeps the caller's out of reach.
    @Test
    void privilegedWithATerminalOfItsOwnTakesTheInputInstead() {
        assertThat(attack("run", "-t", "--privileged", "-v", bin + ":/t:ro", "busybox"))
                .isEqualTo("tiocsti fd 0: injected");
    }

    @Test
    void execWithATerminalOfItsOwnTakesTheInputInstead() {
        assertThat(CliProcess.run(root, "run", "-d", "--name", "box", "-v", bin + ":/t:ro", "busybox", "sleep", "100")
                .exitCode()).isZero();
        assertThat(attack("exec", "-t", "box")).isEqualTo("tiocsti fd 0: injected");
    }

    /**
     * Runs {@code sixc ARGS /t/tiocsti 'touch MARKER'} from an interactive shell on a real
     * terminal, lets the shell read its terminal again, and returns what the program
     * reported; fails if the marker exists.
     */
    private String attack(String... sixcArgs) {
        Path marker = dir.resolve("injected");
        List<String> args = new ArrayList<>(List.of(sixcArgs));
        args.addAll(List.of("/t/tiocsti", "touch " + marker));
        String sixc = CliProcess.javaCommand(root, args.toArray(String[]::new)).stream()
                .map(TmuxSession::quote).collect(Collectors.joining(" "));
        TmuxSession shell = terminals.start(200, 50, "PS1='host> ' sh");
        shell.awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("host>")), "the host shell's prompt");
        shell.type(sixc + "; echo sixc-exit=$?");
        shell.awaitScreen(lines -> lines.stream().anyMatch(l -> l.startsWith("sixc-exit=")), "sixc to end");
        // Anything injected was queued before this line: the shell has run it once this prints.
        shell.type("echo shell-read-$((6*7))");
        shell.awaitScreen(lines -> lines.contains("shell-read-42"), "the shell to read its terminal again");
        List<String> screen = shell.screen();
        assertThat(marker).as("the injected command ran in the caller's shell; the screen:\n%s",
                String.join("\n", screen)).doesNotExist();
        // The long command line wraps: only the program's own report lines count.
        return screen.stream().filter(l -> l.startsWith("tiocsti fd ") || l.equals("tiocsti: no terminal")).findFirst()
                .orElseThrow(() -> new AssertionError("no report from the program; the screen:\n"
                        + String.join("\n", screen)));
    }
}
