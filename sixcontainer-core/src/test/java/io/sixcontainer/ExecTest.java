package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands run inside a running container see exactly what its own processes see. */
class ExecTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static Container box;

    @BeforeAll
    static void startContainer() {
        box = runtime.launch(spec("sleep", "1000").hostname("execbox").env("FROM_SPEC", "yes")
                .workingDir("/tmp").detached(true).name("execbox").build());
    }

    @AfterAll
    static void removeContainer() {
        if (box != null) {
            box.remove(true);
        }
    }

    private static ExecResult exec(String... argv) {
        return box.execAndCollect(ExecSpec.of(argv), TIMEOUT);
    }


    @Test
    void seesTheContainersProcessesHostnameAndMounts() throws Exception {
        ExecResult ps = exec("ps", "-o", "pid,comm");
        List<String> procs = ps.stdout().lines().skip(1).map(String::trim).toList();
        assertThat(procs).contains("1 sleep").anyMatch(l -> l.endsWith(" ps")).hasSize(2);
        assertThat(exec("hostname").stdout()).isEqualTo("execbox\n");
        String inside = exec("cat", "/proc/self/mountinfo").stdout();
        String init = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + box.pid() + "/mountinfo"));
        assertThat(mountPoints(inside)).isEqualTo(mountPoints(init)).contains("/", "/proc", "/dev");
    }

    private static List<String> mountPoints(String mountinfo) {
        return mountinfo.lines().map(l -> l.split(" ")[4]).sorted().toList();
    }

    @Test
    void environmentIsTheContainersPlusAdditionsAndCwdIsTheContainers() {
        ExecResult r = box.execAndCollect(ExecSpec.builder().command("env").env("EXTRA", "1").env("FROM_SPEC", "over")
                .build(), TIMEOUT);
        Map<String, String> seen = new LinkedHashMap<>();
        r.stdout().lines().forEach(l -> seen.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(seen).containsOnlyKeys("PATH", "HOME", "FROM_SPEC", "EXTRA").containsEntry("FROM_SPEC", "over");
        assertThat(exec("pwd").stdout()).isEqualTo("/tmp\n");
        assertThat(box.execAndCollect(ExecSpec.builder().command("pwd").workingDir("/etc").build(), TIMEOUT).stdout())
                .isEqualTo("/etc\n");
    }

    @Test
    void exitCodesAndSignalsPropagate() {
        assertThat(exec("true").status()).isEqualTo(ExitStatus.exited(0));
        assertThat(exec("sh", "-c", "exit 3").status()).isEqualTo(ExitStatus.exited(3));
        assertThat(exec("sh", "-c", "kill -9 $$").status()).isEqualTo(ExitStatus.signaled(9));
    }

    @Test
    void cgroupsAndDescriptorsAreTheContainers() throws Exception {
        java.nio.file.Path initCgroups = java.nio.file.Path.of("/proc/" + box.pid() + "/cgroup");
        try (ExecProcess p = box.exec(ExecSpec.of("sleep", "100"))) {
            String exec = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/cgroup"));
            assertThat(exec).as("the host's view of the exec'd process").isEqualTo(java.nio.file.Files.readString(initCgroups));
            assertThat(exec).as("the container has cgroups of its own").contains(box.id())
                    .isNotEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/cgroup")));
        }
        assertThat(exec("cat", "/proc/self/cgroup").stdout()).as("inside: its own cgroup namespace")
                .isEqualTo(exec("cat", "/proc/1/cgroup").stdout());
        assertThat(exec("sh", "-c", "ls /proc/$$/fd; true").stdout().lines().toList()).containsExactly("0", "1", "2");
    }

    @Test
    void runsAsTheGivenUser() {
        ExecResult r = box.execAndCollect(ExecSpec.builder().command("id").user(65534, 65534).build(), TIMEOUT);
        assertThat(r.stdout()).startsWith("uid=65534").contains("gid=65534");
    }

    @Test
    void streamsWork() throws Exception {
        try (ExecProcess p = box.exec(ExecSpec.builder().command("tr", "a-z", "A-Z")
                .stdin(Stdio.pipe()).stdout(Stdio.pipe()).build())) {
            try (OutputStream in = p.stdin()) {
                in.write("shout\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("SHOUT\n");
            assertThat(p.waitFor().success()).isTrue();
        }
    }

    @Test
    void aTerminalCanBeAskedFor() throws Exception {
        try (ExecProcess p = box.exec(ExecSpec.builder().command("sh", "-c", "[ -t 0 ] && [ -t 1 ] && echo on-a-tty; read x; stty size")
                .tty(true).build())) {
            p.resizeTty(100, 40);
            try (OutputStream in = p.stdin()) {
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                String out = new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(out).contains("on-a-tty").contains("40 100");
            }
            assertThat(p.waitFor().success()).isTrue();
        }
        try (ExecProcess plain = box.exec(ExecSpec.of("true"))) {
            assertThatThrownBy(() -> plain.resizeTty(80, 24)).isInstanceOf(IllegalStateException.class);
            plain.waitFor();
        }
    }

    @Test
    void aMissingCommandFailsCleanly() {
        assertThatThrownBy(() -> exec("/no/such/cmd"))
                .isInstanceOfSatisfying(LaunchException.class, e -> {
                    assertThat(e.commandNotFound()).isTrue();
                    assertThat(e.getMessage()).contains("/no/such/cmd").contains("ENOENT");
                });
        assertThatThrownBy(() -> box.execAndCollect(ExecSpec.builder().command("true").workingDir("/nope").build(), TIMEOUT))
                .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.step()).isEqualTo("chdir"));
    }

    @Test
    void fiftyConcurrentExecsAllAnswerCorrectly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                results.add(pool.submit(() -> exec("sh", "-c", "echo " + n + "; exit " + (n % 7))));
            }
            for (int i = 0; i < 50; i++) {
                ExecResult r = results.get(i).get();
                assertThat(r.stdout()).isEqualTo(i + "\n");
                assertThat(r.status()).isEqualTo(ExitStatus.exited(i % 7));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void execIntoAnEndedContainerFailsCleanly() {
        Container ended = runtime.launch(spec("true").name("ended").detached(true).build());
        ended.waitFor();
        assertThatThrownBy(() -> ended.execAndCollect(ExecSpec.of("true"), TIMEOUT))
                .isInstanceOf(ContainerException.class).hasMessageContaining("not running");
        ended.remove(false);
        assertThatThrownBy(() -> ended.execAndCollect(ExecSpec.of("true"), TIMEOUT))
                .isInstanceOf(ContainerException.class).hasMessageContaining("no such container");
    }

    @Test
    void execsDieWithTheContainer() throws Exception {
        Container c = runtime.launch(spec("sleep", "1000").name("short-lived").detached(true).build());
        ExecProcess p = c.exec(ExecSpec.of("sleep", "1000"));
        c.stop(Duration.ZERO);
        assertThat(p.waitFor()).isEqualTo(ExitStatus.signaled(9));
        p.close();
        c.remove(false);
    }
}
