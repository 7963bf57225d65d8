package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resource limits, the OOM score, descriptors that must not reach a container, and the
 * working directory check (CVE-2024-21626), seen from inside containers and exec'd processes.
 */
class ConfinementLimitsTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void nofileIs1024ByDefaultAndLimitsAndOomScoreApplyToExecToo() {
        assertThat(sh("ulimit -n; ulimit -Hn").stdout()).isEqualTo("1024\n1024\n");
        Security s = Security.builder().rlimit("nproc", 50, 60).rlimit("RLIMIT_NOFILE", 2048, 4096).oomScoreAdj(500)
                .build();
        String script = "ulimit -u; ulimit -Hu; ulimit -n; ulimit -Hn; cat /proc/self/oom_score_adj";
        ContainerResult r = runtime.run(spec("sh", "-c", script).security(s).build(), TIMEOUT);
        assertThat(r.stdout()).as(r.stderr()).isEqualTo("50\n60\n2048\n4096\n500\n");
        Container box = runtime.launch(spec("sleep", "1000").security(s).detached(true).build());
        try {
            assertThat(box.execAndCollect(ExecSpec.of("sh", "-c", script), TIMEOUT).stdout())
                    .isEqualTo("50\n60\n2048\n4096\n500\n");
        } finally {
            box.remove(true);
        }
    }

    @Test
    void badLimitsAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> Security.builder().rlimit("nofile", 10, 5).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("NOFILE 10:5");
        assertThatThrownBy(() -> Security.builder().rlimit("bogus", 1, 1)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'bogus'");
        assertThatThrownBy(() -> Security.builder().oomScoreAdj(1001).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("1001");
        assertThatThrownBy(() -> Security.builder().capAdd("NET_NOPE")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'NET_NOPE'");
        assertThatThrownBy(() -> Security.builder().maskedPaths(java.util.List.of("/etc/passwd")).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'/etc/passwd'");
    }

    @Test
    void noHostDescriptorReachesARunADetachedRunOrAnExec() throws Exception {
        // An attached run: the container lists its own descriptors.
        assertThat(sh("ls /proc/$$/fd; true").stdout().lines().toList()).containsExactly("0", "1", "2");
        Container box = runtime.launch(spec("sleep", "1000").detached(true).build());
        try {
            assertThat(box.execAndCollect(ExecSpec.of("sh", "-c", "ls /proc/1/fd; true"), TIMEOUT).stdout().lines()
                    .toList()).as("a detached init, seen from inside").containsExactly("0", "1", "2");
            try (Stream<Path> fds = Files.list(Path.of("/proc/" + box.pid() + "/fd"))) {
                assertThat(fds.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("0", "1", "2");
            }
            assertThat(box.execAndCollect(ExecSpec.of("sh", "-c", "ls /proc/$$/fd; true"), TIMEOUT).stdout().lines().toList())
                    .as("an exec'd process").containsExactly("0", "1", "2");
            assertThat(box.execAndCollect(ExecSpec.builder().command("sh", "-c", "ls -1 /proc/$$/fd; true").tty(true).build(),
                    TIMEOUT).stdout().lines().map(String::trim).toList()).as("an exec'd process with a terminal")
                    .containsExactly("0", "1", "2");
        } finally {
            box.remove(true);
        }
    }

    @Test
    void aWorkingDirectoryThroughAMagicLinkIsRefused() {
        for (String dir : new String[] {"/proc/self/fd/0", "/proc/self/cwd", "/proc/1/root"}) {
            assertThatThrownBy(() -> runtime.run(spec("pwd").workingDir(dir).build(), TIMEOUT))
                    .as(dir).isInstanceOfSatisfying(LaunchException.class, e -> {
                        assertThat(e.step()).isEqualTo("chdir");
                        assertThat(e.getMessage()).contains(dir).contains("ELOOP");
                    });
        }
        Container box = runtime.launch(spec("sleep", "1000").detached(true).build());
        try {
            assertThatThrownBy(() -> box.execAndCollect(ExecSpec.builder().command("pwd").workingDir("/proc/self/fd/1")
                    .build(), TIMEOUT)).isInstanceOfSatisfying(LaunchException.class,
                            e -> assertThat(e.step()).isEqualTo("chdir"));
            // ".." cannot climb out of the root: it stops at the container's /.
            assertThat(box.execAndCollect(ExecSpec.builder().command("sh", "-c", "pwd; ls /")
                    .workingDir("/../../..").build(), TIMEOUT).stdout()).startsWith("/\n").contains("bin");
        } finally {
            box.remove(true);
        }
    }
}
