package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.internal.cgroup.CgroupLayout;
import io.sixcontainer.internal.cgroup.OrphanSweep;
import io.sixcontainer.testing.HangingLauncher;
import io.sixcontainer.testing.HostSnapshot;
import io.sixcontainer.testing.RuntimeTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An attached container dies with its JVM, even when the JVM is killed with SIGKILL. */
class JvmDeathTest extends RuntimeTestBase {

    @Test
    void sigkilledJvmTakesItsContainerAndMountsAlong() throws Exception {
        Set<String> cgroupsBefore = HostSnapshot.readCgroups();
        Process jvm = ChildJvm.start(HangingLauncher.class, root.toString());
        int initPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("the child JVM reports its container").startsWith("pid ");
            initPid = Integer.parseInt(line.substring(4));
        }
        List<Integer> containerPids = descendantsOf(initPid);
        assertThat(containerPids).as("the container's own processes").isNotEmpty();
        awaitTmpfsMountInside(initPid);

        jvm.destroyForcibly();  // SIGKILL: no shutdown hook runs
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<Integer> all = new ArrayList<>(containerPids);
        all.add(initPid);
        for (int pid : all) {
            awaitGone(pid);
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(" marker ").doesNotContain(root.toString());
        // The monitor recorded how the container ended although its JVM was gone.
        ContainerInfo info = runtime.list().stream().filter(i -> i.command().contains("sh")).findFirst().orElseThrow();
        assertThat(info.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(info.exitStatus()).isEqualTo(ExitStatus.signaled(9));
        removeOrphanedCgroups(cgroupsBefore);
    }

    /**
     * The killed JVM could not remove its container's cgroup; the next runtime to open
     * sweeps it (when it is a minute old; here at once). Its processes are gone already.
     */
    private static void removeOrphanedCgroups(Set<String> before) throws IOException {
        List<Path> orphans = HostSnapshot.readCgroups().stream().filter(d -> !before.contains(d))
                .filter(d -> d.matches(".*/[0-9a-f]{64}")).map(Path::of).toList();
        assertThat(orphans).as("the killed JVM's container cgroup").isNotEmpty();
        for (Path dir : orphans) {
            assertThat(Files.readString(dir.resolve("cgroup.procs"))).as("processes left in " + dir).isEmpty();
        }
        List<Path> removed = OrphanSweep.removeOrphans(CgroupLayout.host(), Resources.DEFAULT_CGROUP_PARENT,
                Duration.ZERO);
        assertThat(removed).containsExactlyInAnyOrderElementsOf(orphans);
        assertThat(HostSnapshot.readCgroups()).isSubsetOf(before);
    }

    private static void awaitTmpfsMountInside(int initPid) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            for (int pid : descendantsOf(initPid)) {
                Path mi = Path.of("/proc/" + pid + "/mountinfo");
                try {
                    if (Files.readString(mi).contains(" marker ")) {
                        return;
                    }
                } catch (IOException gone) {
                    // raced with the process
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the container never mounted its tmpfs");
    }

    private static List<Integer> descendantsOf(int pid) {
        return ProcessHandle.of(pid).map(h -> h.descendants().map(d -> (int) d.pid()).toList()).orElse(List.of());
    }

    private static void awaitGone(int pid) throws InterruptedException {
        for (int i = 0; i < 200 && Files.exists(Path.of("/proc/" + pid)); i++) {
            Thread.sleep(50);
        }
        assertThat(Path.of("/proc/" + pid)).as("process " + pid + " of the killed JVM's container").doesNotExist();
    }
}
