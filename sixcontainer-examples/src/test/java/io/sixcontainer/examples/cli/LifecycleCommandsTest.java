package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** run -d, ps, logs, wait, inspect, stop, kill, rm driven as a user would, as subprocesses. */
class LifecycleCommandsTest {

    private static Path root;
    private static CliRunner sixc;

    @BeforeAll
    static void createRoot() throws Exception {
        CliRunner.assumeRoot();
        root = Files.createTempDirectory("sixc-cli-test-");
        sixc = new CliRunner(root);
    }

    @AfterAll
    static void removeRoot() throws Exception {
        if (root == null) {
            return;
        }
        sixc.run("rm", "-f", "web", "sleeper");
        CliNetworks.removeAll(root);
        ScratchDirs.delete(root);
    }

    @Test
    void detachedContainerThroughItsWholeLife() throws Exception {
        CliRunner.Result run = sixc.run("run", "-d", "--name", "web", "busybox",
                "sh", "-c", "echo hello; echo oops >&2; exit 3");
        assertThat(run.code()).isZero();
        String id = run.out().strip();
        assertThat(id).matches("[0-9a-f]{64}");

        assertThat(sixc.run("wait", "web").out().strip()).isEqualTo("3");
        CliRunner.Result ps = sixc.run("ps", "-a");
        assertThat(ps.out().lines().toList()).hasSize(2);
        assertThat(ps.out().lines().toList().get(0)).startsWith("CONTAINER ID").contains("STATUS").endsWith("NAMES");
        assertThat(ps.out().lines().toList().get(1)).startsWith(id.substring(0, 12)).contains("Exited (3)").endsWith("web");
        assertThat(sixc.run("ps").out().lines().toList()).as("not running: only the header").hasSize(1);
        assertThat(sixc.run("ps", "-aq").out().strip()).isEqualTo(id.substring(0, 12));

        CliRunner.Result logs = sixc.run("logs", "web");
        assertThat(logs.out()).isEqualTo("hello\n");
        assertThat(logs.err()).isEqualTo("oops\n");
        assertThat(sixc.run("logs", "-containerId", id.substring(0, 8)).out()).isEqualTo("hello\n");
        assertThat(sixc.run("inspect", "web").out()).contains("\"status\" : \"EXITED\"").contains("\"code\" : 3")
                .as("with its launch plan").contains("\"plan\" : {", "\"args\" : [ \"sh\", \"-c\",",
                        "\"detached\" : true", "\"cgroups\" : {", "/" + id + "\"");

        assertThat(sixc.run("rm", "web").code()).isZero();
        assertThat(sixc.run("ps", "-aq").out()).isEmpty();
        CliRunner.Result gone = sixc.run("logs", "web");
        assertThat(gone.code()).isEqualTo(125);
        assertThat(gone.err().strip()).isEqualTo("sixc: no such container: web");
    }

    @Test
    void stopKillAndForcedRemove() throws Exception {
        assertThat(sixc.run("run", "-d", "--name", "sleeper", "busybox", "sleep", "1000").code()).isZero();
        assertThat(sixc.run("ps").out()).contains("Up ").contains("sleeper");
        CliRunner.Result exec = sixc.run("exec", "-e", "X=1", "-w", "/etc", "sleeper", "sh", "-c", "echo $X $(pwd); exit 4");
        assertThat(exec.code()).isEqualTo(4);
        assertThat(exec.out()).isEqualTo("1 /etc\n");
        CliRunner.Result missing = sixc.run("exec", "sleeper", "/no/such");
        assertThat(missing.code()).isEqualTo(127);
        assertThat(missing.err()).startsWith("sixc: ").contains("ENOENT");
        CliRunner.Result rm = sixc.run("rm", "sleeper");
        assertThat(rm.code()).isEqualTo(125);
        assertThat(rm.err()).contains("is running");
        assertThat(sixc.run("kill", "-s", "NOPE", "sleeper").err()).contains("invalid signal 'NOPE'");
        assertThat(sixc.run("stop", "-t", "1", "sleeper").code()).isZero();
        assertThat(sixc.run("ps", "-a").out()).contains("Exited (137)");
        assertThat(sixc.run("run", "-d", "--name", "sleeper", "busybox", "true").err()).contains("name in use");
        assertThat(sixc.run("rm", "-f", "sleeper").code()).isZero();
    }
}
