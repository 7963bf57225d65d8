package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RuntimeTestBase;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a container observes of itself: every assertion reads the container's own view. */
class ContainerIsolationTest extends RuntimeTestBase {

    @Test
    void hasItsOwnHostname() {
        ContainerResult r = runtime.run(spec("hostname").hostname("box-1").build(), Duration.ofSeconds(30));
        assertThat(r.stdout()).isEqualTo("box-1\n");
        assertThat(r.status().success()).isTrue();
    }

    @Test
    void defaultHostnameIsTheShortId() {
        try (Container c = runtime.launch(spec("hostname").stdout(Stdio.pipe()).build())) {
            String out = new String(c.stdout().readAllBytes());
            assertThat(out).isEqualTo(c.id().substring(0, 12) + "\n");
            assertThat(c.id()).matches("[0-9a-f]{64}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void commandIsPid1AndSeesOnlyItsOwnProcesses() {
        // "; true" keeps the shell from exec'ing ps as its last command
        ContainerResult r = sh("echo $$; ps -o pid,comm; true");
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("1");
        // header, then the shell (PID 1) and ps itself: nothing of the host
        List<String> procs = lines.subList(2, lines.size());
        assertThat(procs).hasSize(2);
        assertThat(procs.get(0).trim()).isEqualTo("1 sh");
        assertThat(procs.get(1).trim()).endsWith("ps");
    }

    @Test
    void mountTableHoldsOnlyTheContainersMounts() {
        ContainerResult r = sh("cat /proc/self/mountinfo");
        List<String> mountPoints = r.stdout().lines().map(l -> l.split(" ")[4]).sorted().toList();
        // the container's own cgroup (ResourceLimitsTest checks what is under it)
        assertThat(mountPoints).contains("/sys/fs/cgroup");
        List<String> kernelPaths = new java.util.ArrayList<>(Security.defaults().maskedPaths());
        kernelPaths.addAll(Security.defaults().readonlyPaths());
        assertThat(mountPoints.stream().filter(m -> !m.startsWith("/sys/fs/cgroup") && !kernelPaths.contains(m)))
                .containsExactly("/", "/dev", "/dev/mqueue", "/dev/pts", "/dev/shm", "/etc/hostname", "/etc/hosts",
                        "/etc/resolv.conf", "/proc", "/sys");
        // the masked and read-only paths (MaskedPathsTest) that this host has
        assertThat(mountPoints).contains("/proc/sys");
    }

    @Test
    void sysIsReadOnlyAndProcIsTheContainers() {
        ContainerResult r = sh("cut -d' ' -f5,6,9 /proc/self/mountinfo | grep -E '^(/sys|/proc) '");
        assertThat(r.stdout().lines().sorted().toList())
                .satisfiesExactly(
                        proc -> assertThat(proc).startsWith("/proc rw").endsWith("proc"),
                        sys -> assertThat(sys).startsWith("/sys ro").endsWith("sysfs"));
    }

    @Test
    void devHoldsTheStandardNodes() {
        ContainerResult r = sh("ls -A /dev | tr '\\n' ' '; echo; stat -c '%n %F %t:%T %a' /dev/null /dev/zero /dev/full"
                + " /dev/random /dev/urandom /dev/tty; for l in ptmx fd stdin stdout stderr; do readlink /dev/$l; done");
        List<String> lines = r.stdout().lines().toList();
        assertThat(Arrays.asList(lines.get(0).trim().split(" "))).containsExactlyInAnyOrder(
                "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin", "stdout",
                "tty", "urandom", "zero");
        assertThat(lines.subList(1, 7)).containsExactly(
                "/dev/null character special file 1:3 666",
                "/dev/zero character special file 1:5 666",
                "/dev/full character special file 1:7 666",
                "/dev/random character special file 1:8 666",
                "/dev/urandom character special file 1:9 666",
                "/dev/tty character special file 5:0 666");
        assertThat(lines.subList(7, 12)).containsExactly(
                "pts/ptmx", "/proc/self/fd", "/proc/self/fd/0", "/proc/self/fd/1", "/proc/self/fd/2");
    }

    @Test
    void networkHasOnlyLoopbackAndItIsUp() {
        ContainerResult r = sh("tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '; cat /sys/class/net/lo/flags");
        assertThat(r.stdout().lines().toList()).containsExactly("lo", "0x9");
    }

    @Test
    void onlyStdioDescriptorsReachTheCommand() {
        // The shell is PID 1; ls runs as its child and lists PID 1's descriptors.
        ContainerResult r = sh("ls /proc/1/fd; true");
        assertThat(r.stdout().lines().toList()).containsExactly("0", "1", "2");
    }

    @Test
    void environmentIsExactlyWhatWasGiven() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("GREETING", "hello world");
        given.put("EMPTY", "");
        given.put("PATH", "/bin:/usr/bin");
        ContainerResult r = runtime.run(spec("env").env(given).build(), Duration.ofSeconds(30));
        Map<String, String> seen = new LinkedHashMap<>();
        r.stdout().lines().forEach(l -> seen.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        Map<String, String> expected = new LinkedHashMap<>(given);
        expected.put("HOME", "/root");
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void workingDirectoryIsApplied() {
        ContainerResult r = runtime.run(spec("pwd").workingDir("/etc").build(), Duration.ofSeconds(30));
        assertThat(r.stdout()).isEqualTo("/etc\n");
    }
}
