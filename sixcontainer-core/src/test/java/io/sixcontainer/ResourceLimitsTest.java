package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.HostSnapshot;
import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.TestRoots;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits as the container itself sees them: its /proc/self/cgroup, the files of its own
 * cgroup at /sys/fs/cgroup, its /proc/self/status, and what the kernel does when it
 * exceeds them. Runs on whichever cgroup layout the host has (file names differ by layout).
 */
class ResourceLimitsTest extends RuntimeTestBase {

    private static final boolean V2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));

    private static ContainerResult run(Resources limits, String script) {
        return runtime.run(spec("sh", "-c", script).resources(limits).build(), Duration.ofSeconds(60));
    }

    private static String file(String v1Controller, String v1File, String v2File) {
        return V2 ? "/sys/fs/cgroup/" + v2File : "/sys/fs/cgroup/" + v1Controller + "/" + v1File;
    }

    @Test
    void theCommandStartsInItsOwnCgroupWithItsMemoryLimit() {
        ContainerResult r = run(Resources.builder().memory(Resources.parseSize("100m")).build(),
                "cat /proc/self/cgroup; echo; cat " + file("memory", "memory.limit_in_bytes", "memory.max"));
        List<String> lines = r.stdout().lines().toList();
        // In its cgroup namespace, the container's own cgroup is the root of every hierarchy.
        assertThat(lines.subList(0, lines.indexOf(""))).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith(":/"));
        assertThat(lines.getLast()).isEqualTo("104857600");
        assertThat(r.status().success()).as(r.stderr()).isTrue();
    }

    @Test
    void onV1TheContainerHasCgroupsOnlyInTheHierarchiesItNeedsAndSeesOnlyThose() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(V2, "v1 only");
        ContainerSpec spec = spec("sh", "-c", "echo $(ls /sys/fs/cgroup); read x; exit 0")
                .resources(Resources.builder().memory(Resources.parseSize("64m")).pidsMax(50).build())
                .stdin(Stdio.pipe()).stdout(Stdio.pipe()).build();
        try (Container c = runtime.launch(spec)) {
            String inside = new BufferedReader(new InputStreamReader(c.stdout())).readLine();
            // usage and OOM kills (memory, cpuacct), the device allow-list, and the one limit set besides memory
            assertThat(inside.split(" ")).containsExactlyInAnyOrder("cpuacct", "devices", "memory", "pids");
            List<String> own = Files.readAllLines(Path.of("/proc/" + c.pid() + "/cgroup")).stream()
                    .filter(l -> l.endsWith("/" + c.id())).map(l -> l.split(":")[1]).toList();
            assertThat(own).containsExactlyInAnyOrder("cpuacct", "devices", "memory", "pids");
            c.stdin().close();
            assertThat(c.waitFor().success()).isTrue();
        }
    }

    @Test
    void theCgroupFilesAreReadOnlyInside() {
        ContainerResult r = run(Resources.builder().pidsMax(5).build(),
                "echo 100 > " + file("pids", "pids.max", "pids.max") + "; cat " + file("pids", "pids.max", "pids.max"));
        assertThat(r.stderr()).contains("Read-only file system");
        assertThat(r.stdout()).isEqualTo("5\n");
    }

    @Test
    void hostSeesTheContainersCgroupNamedByItsIdUnderTheParent() throws IOException {
        ContainerSpec spec = spec("sh", "-c", "cat " + file("pids", "pids.max", "pids.max") + "; read x; exit 0")
                .resources(Resources.builder().pidsMax(42).build())
                .stdin(Stdio.pipe()).stdout(Stdio.pipe()).build();
        String id;
        try (Container c = runtime.launch(spec)) {
            id = c.id();
            String inside = new BufferedReader(new InputStreamReader(c.stdout())).readLine();
            assertThat(inside).isEqualTo("42");
            List<String> hostView = Files.readAllLines(Path.of("/proc/" + c.pid() + "/cgroup"));
            String pidsLine = hostView.stream().filter(l -> V2 ? l.startsWith("0::") : l.contains(":pids:"))
                    .findFirst().orElseThrow();
            assertThat(pidsLine).endsWith("/sixcontainer/" + c.id());
            assertThat(HostSnapshot.readCgroups()).anyMatch(d -> d.endsWith("/sixcontainer/" + c.id()));
            c.stdin().close();
            assertThat(c.waitFor().success()).isTrue();
        }
        assertThat(HostSnapshot.readCgroups()).noneMatch(d -> d.endsWith(id));
    }

    @Test
    void cpuSharesAndQuotaAreWritten() {
        ContainerResult r = run(Resources.builder().cpuShares(512).cpus(1.5).build(), V2
                ? "cat /sys/fs/cgroup/cpu.weight /sys/fs/cgroup/cpu.max"
                : "cat /sys/fs/cgroup/cpu/cpu.shares /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us");
        assertThat(r.stdout().lines().toList()).containsExactlyElementsOf(V2
                ? List.of(Long.toString(Resources.cpuWeightOfShares(512)), "150000 100000")
                : List.of("512", "150000", "100000"));
    }

    @Test
    void cpusetConfinesTheCommandToTheGivenCpus() {
        String cpu = lastCpu();
        ContainerResult r = run(Resources.builder().cpusetCpus(cpu).cpusetMems("0").build(),
                "grep -E '^(Cpus|Mems)_allowed_list' /proc/self/status; cat "
                        + file("cpuset", "cpuset.mems", "cpuset.mems"));
        assertThat(r.stdout().lines().toList())
                .containsExactly("Cpus_allowed_list:\t" + cpu, "Mems_allowed_list:\t0", "0");
    }

    @Test
    void pidsLimitStopsAForkBomb() {
        // At most 100 attempts, so a broken limit cannot take the host down. busybox sh gives
        // up at the first failed fork, so the bomb runs in a subshell; its sleeps stay.
        ContainerResult r = run(Resources.builder().pidsMax(10).build(),
                "(for i in $(seq 100); do sleep 30 & done); read n < " + file("pids", "pids.current", "pids.current")
                        + "; echo $n; cat " + file("pids", "pids.events", "pids.events"));
        List<String> lines = r.stdout().lines().toList();
        assertThat(r.stderr()).contains("can't fork");
        // the shell, the sleeps that got a pid; the subshell has exited
        assertThat(Long.parseLong(lines.get(0))).as(r.stdout()).isBetween(5L, 9L);
        assertThat(lines.get(1)).matches("max [1-9][0-9]*");
    }

    @Test
    void memoryLimitIsEnforcedAndTheOomKillReported() {
        // The shell holds the whole 32 MB output of the command substitution in its memory.
        String allocate = "x=$(head -c 32000000 /dev/zero | tr '\\0' a); echo survived ${#x}";
        ContainerResult limited = run(Resources.builder().memory(Resources.parseSize("8m")).build(), allocate);
        assertThat(limited.stdout()).doesNotContain("survived");
        assertThat(limited.status().oomKilled()).as(limited.status().toString()).isTrue();
        assertThat(limited.status().success()).isFalse();

        ContainerResult free = run(Resources.none(), allocate);
        assertThat(free.stdout()).isEqualTo("survived 32000000\n");
        assertThat(free.status().oomKilled()).isFalse();
    }

    @Test
    void usageIsReadableWhileRunningAndAfterTheExit() throws IOException {
        // a 10 MB shell variable: real memory and some cpu time to build it
        ContainerSpec spec = spec("sh", "-c", "x=$(head -c 10000000 /dev/zero | tr '\\0' a); echo ${#x}; read y; exit 0")
                .stdin(Stdio.pipe()).stdout(Stdio.pipe()).build();
        try (Container c = runtime.launch(spec)) {
            assertThat(new BufferedReader(new InputStreamReader(c.stdout())).readLine()).isEqualTo("10000000");
            ResourceUsage running = c.resourceUsage();
            assertThat(running.memoryPeakBytes()).isGreaterThan(10_000_000);
            assertThat(running.cpuTotal()).isPositive();
            c.stdin().close();
            c.waitFor();
            ResourceUsage after = c.resourceUsage();
            assertThat(after.memoryPeakBytes()).isGreaterThanOrEqualTo(running.memoryPeakBytes());
            assertThat(after.cpuUser()).isGreaterThanOrEqualTo(running.cpuUser());
            assertThat(after.cpuUser().plus(after.cpuSystem())).isGreaterThan(java.time.Duration.ofMillis(10));
        }
    }

    @Test
    void aLimitTheKernelRefusesFailsTheLaunchNamingFileValueAndErrno() {
        ContainerSpec spec = spec("true").resources(Resources.builder().cpusetCpus("4095").build()).build();
        assertThatThrownBy(() -> runtime.launch(spec))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("cpuset.cpus")
                .hasMessageContaining("'4095'")
                .hasMessageMatching(".*: write failed with E[A-Z]+ \\(.*\\)")
                .satisfies(e -> assertThat(((LaunchException) e).errno()).isPositive());
        assertThat(HostSnapshot.readCgroups()).noneMatch(d -> d.matches(".*/[0-9a-f]{64}"));
    }

    @Test
    void anAbsoluteParentIsMadeFromTheRootAndRemovedWhenTheRuntimeCloses() {
        Path testRoot = TestRoots.create();
        Path parent = Path.of(V2 ? "/sys/fs/cgroup" : "/sys/fs/cgroup/pids", "sixcontainer-test");
        try (ContainerRuntime own = ContainerRuntime.open(testRoot)) {
            ContainerSpec spec = ContainerSpec.builder().rootfs(busybox).command("cat", file("pids", "pids.max", "pids.max"))
                    .resources(Resources.builder().cgroupParent("/sixcontainer-test/jobs").pidsMax(7).build()).build();
            ContainerResult r = own.run(spec, Duration.ofSeconds(60));
            assertThat(r.stdout()).isEqualTo("7\n");
            assertThat(parent.resolve("jobs")).as("kept for the next launch while the runtime is open").isDirectory();
        } finally {
            TestRoots.delete(testRoot);
        }
        assertThat(parent).doesNotExist();
    }

    private static String lastCpu() {
        return Integer.toString(java.lang.Runtime.getRuntime().availableProcessors() - 1);
    }
}
