package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sixc run} without {@code -t} in a real terminal: the container leads a session of
 * its own, so ^C reaches it only through sixc's signal proxy; a second ^C kills it.
 */
class SignalProxyTest {

    @RegisterExtension
    final TmuxTerminals terminals = new TmuxTerminals();

    @org.junit.jupiter.api.AfterEach
    void removeNetworks() {
        CliNetworks.removeAll(root);
    }
    @TempDir
    Path root;
    private TmuxSession tmux;

    @Test
    void ctrlCReachesTheContainersOwnHandler() {
        start("trap 'echo got-INT; exit 5' INT; echo ready; while :; do sleep 1; done");
        tmux.awaitScreen(lines -> lines.contains("ready"), "the container to start");
        tmux.keys("C-c");
        // The terminal echoes ^C in front of what follows.
        tmux.awaitScreen(lines -> lines.stream().anyMatch(l -> l.endsWith("got-INT")) && lines.contains("RC=5"),
                "the container's trap to run and its exit code to be sixc's");
    }

    @Test
    void aSecondCtrlCKillsAContainerThatIgnoresTheFirst() {
        // PID 1 without a SIGINT handler ignores SIGINT.
        start("echo ready; exec sleep 1000");
        tmux.awaitScreen(lines -> lines.contains("ready"), "the container to start");
        tmux.keys("C-c");
        TmuxSession.sleep(500);
        assertThat(tmux.screen()).noneMatch(l -> l.contains("RC="));
        tmux.keys("C-c");
        tmux.awaitScreen(lines -> lines.stream().anyMatch(l -> l.endsWith("RC=137")), "SIGKILL's exit code");
    }

    private void start(String script) {
        String sixc = CliProcess.javaCommand(root, "run", "busybox", "sh", "-c", script).stream()
                .map(TmuxSession::quote).collect(Collectors.joining(" "));
        // The pane's shell gets the ^C too: a trap (reset to the default in sixc) keeps it alive.
        tmux = terminals.start(100, 30, "sh -c " + TmuxSession.quote("trap : INT; " + sixc + "; echo RC=$?; sleep 600"));
    }
}
