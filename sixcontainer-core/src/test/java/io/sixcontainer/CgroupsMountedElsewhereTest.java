package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.CgroupsElsewhereChild;
import io.sixcontainer.testing.RootRequired;
import io.sixcontainer.testing.TestRoots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A host that mounts its cgroup hierarchies somewhere other than {@code /sys/fs/cgroup}
 * (made here in a private mount namespace: the hierarchies moved under a scratch directory):
 * an exec'd process still lands in exactly the container's cgroups, as the kernel reports
 * them in {@code /proc/PID/cgroup}. Before launch plans recorded the cgroup paths, exec found
 * them with a parser that only knew {@code /sys/fs/cgroup} and joined none.
 */
class CgroupsMountedElsewhereTest {

    @Test
    void anExecdProcessJoinsTheContainersCgroupsWhereverTheyAreMounted() throws Exception {
        RootRequired.assumeRoot();
        Path root = TestRoots.create();
        Path elsewhere = Files.createTempDirectory("sixc-cgroups-");
        try {
            List<String> out = runInPrivateMountNamespace(root, elsewhere);
            String id = out.stream().filter(l -> l.startsWith("id ")).findFirst().orElseThrow().substring(3);
            List<String> init = lines(out, "init ");
            List<String> exec = lines(out, "exec ");
            assertThat(init).as("the init is in the container's cgroups").anyMatch(l -> l.endsWith("/" + id));
            assertThat(exec).as("the exec'd process is in exactly the init's cgroups").containsExactlyInAnyOrderElementsOf(init);
            // v1: the pids hierarchy; v2: the one unified line (a hybrid host's "0::" line holds no controller)
            assertThat(exec.stream().filter(l -> l.contains(":pids:") || (exec.size() == 1 && l.startsWith("0::"))))
                    .as("including the one of its pids limit").isNotEmpty().allMatch(l -> l.endsWith("/" + id));
        } finally {
            TestRoots.delete(root);
            Files.deleteIfExists(elsewhere);
        }
    }

    private static List<String> lines(List<String> out, String prefix) {
        return out.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    // The hierarchies are bound under `elsewhere` and /sys/fs/cgroup is detached, so that the
    // child JVM's mountinfo shows them only there.
    private static List<String> runInPrivateMountNamespace(Path root, Path elsewhere) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String script = "set -e; mount --rbind /sys/fs/cgroup \"$1\"; umount -R -l /sys/fs/cgroup;"
                + " if grep -q ' /sys/fs/cgroup' /proc/self/mountinfo; then echo still-mounted >&2; exit 3; fi;"
                + " shift; exec \"$@\"";
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", script,
                "sh", elsewhere.toString(), java, "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CgroupsElsewhereChild.class.getName(), root.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("the child's exit code; it printed: " + out).isZero();
        return out.lines().toList();
    }
}
