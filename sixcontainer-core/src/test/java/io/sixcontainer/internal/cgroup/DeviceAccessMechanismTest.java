package io.sixcontainer.internal.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.LaunchException;
import io.sixcontainer.DeviceRule;
import io.sixcontainer.testing.DevicePrograms;
import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both enforcement mechanisms with rules the public API cannot express (no mknod, read
 * only), on a host shell placed in a scratch cgroup: the v1 devices controller where this
 * host has one, and the v2 device program wherever a cgroup2 tree is mounted (a hybrid v1
 * host too: the kernel consults the programs of a task's cgroup2 cgroup before the v1
 * controller). DeviceAccessTest shows the same from inside containers.
 */
class DeviceAccessMechanismTest {

    private static final String DENIED = "Operation not permitted";

    /** Where the shells make their device nodes: each mounts a tmpfs of its own here. */
    @TempDir
    Path nodes;

    @BeforeEach
    void root() {
        RootRequired.assumeRoot();
    }

    @Test
    void readOnlyAndNoMknodAreEnforcedByEachMechanism() throws Exception {
        List<DeviceRule> rules = DeviceRule.parseAll(List.of("c 1:5 r", "c 1:3 rwm"));
        String script = "(exec 3< /dev/zero && echo zero-read); (exec 3> /dev/zero && echo zero-written);"
                + " (exec 3<> /dev/null && echo null-rw); (mknod " + nodes + "/null c 1 3 && echo null-made);"
                + " (mknod " + nodes + "/loop b 7 0 && echo loop-made)";
        for (Mechanism m : mechanisms()) {
            Output out = m.run(rules, script);
            assertThat(out.stdout()).as(m.name()).isEqualTo("zero-read\nnull-rw\nnull-made\n");
            assertThat(out.stderr()).as(m.name()).contains("can't create /dev/zero: " + DENIED)
                    .contains("mknod: " + nodes + "/loop: " + DENIED);
        }
    }

    @Test
    void aRuleOfTypeAllCoversBlockAndCharDevicesWithWildcards() throws Exception {
        List<DeviceRule> rules = DeviceRule.parseAll(List.of("a 7:* rm", "a 1:* m"));
        String script = "mknod " + nodes + "/loop b 7 0 && (exec 3< " + nodes + "/loop && echo block-read);"
                + " (exec 3> " + nodes + "/loop && echo block-written);"
                + " mknod " + nodes + "/char c 7 0 && echo char-made; mknod " + nodes + "/zero c 1 5 && echo zero-made;"
                + " (exec 3< " + nodes + "/zero && echo zero-read)";
        for (Mechanism m : mechanisms()) {
            Output out = m.run(rules, script);
            assertThat(out.stdout()).as(m.name() + ": " + out.stderr())
                    .isEqualTo("block-read\nchar-made\nzero-made\n");
            assertThat(out.stderr().lines().toList()).as(m.name()).containsExactly(
                    "sh: can't create " + nodes + "/loop: " + DENIED, "sh: can't open " + nodes + "/zero: " + DENIED);
        }
    }

    @Test
    void aProgramTheVerifierRefusesFailsWithItsLogAndLeavesNothing() throws Exception {
        Path unified = unifiedMount().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(unified != null, "no cgroup2 mount");
        Path cgroup = Files.createDirectory(unified.resolve("sixc-devtest-" + UUID.randomUUID()));
        try {
            List<String> fdsBefore = bpfAndCgroupFds();
            byte[] exitWithoutR0 = {(byte) 0x95, 0, 0, 0, 0, 0, 0, 0};
            assertThatThrownBy(() -> DeviceAccess.attach(cgroup, exitWithoutR0))
                    .isInstanceOfSatisfying(LaunchException.class, e -> {
                        assertThat(e.step()).isEqualTo("cgroup");
                        assertThat(e.errno()).isEqualTo(13);
                        assertThat(e.getMessage()).contains("bpf(BPF_PROG_LOAD)", "EACCES", "verifier log:",
                                "R0 !read_ok");
                    });
            assertThat(bpfAndCgroupFds()).isEqualTo(fdsBefore);
            assertThat(DevicePrograms.attached(cgroup)).isEmpty();
        } finally {
            Files.delete(cgroup);
        }
    }

    private record Output(String stdout, String stderr) {
    }

    /** One way to restrict devices, applied to a scratch cgroup under {@code parent}. */
    private record Mechanism(String name, Path parent, boolean v2, Path nodes) {

        /**
         * Runs {@code script} in a host shell placed in a scratch cgroup restricted to
         * {@code rules}; then removes the cgroup, and with it the v2 program.
         */
        Output run(List<DeviceRule> rules, String script) throws Exception {
            Path cgroup = Files.createDirectory(parent.resolve("sixc-devtest-" + UUID.randomUUID()));
            int[] programs = {};
            Output output;
            try {
                if (v2) {
                    DeviceAccess.restrictV2(cgroup, rules);
                    programs = DevicePrograms.attached(cgroup);
                    assertThat(programs).as("attached programs").hasSize(1);
                } else {
                    DeviceAccess.restrictV1(cgroup, rules);
                }
                // nodes: a tmpfs of the shell's own (a temp dir may be on a nodev mount, such as /run)
                Process p = new ProcessBuilder("busybox", "unshare", "-m", "--propagation", "private",
                        "busybox", "sh", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs") + " || exit 99;"
                        + " mount -t tmpfs -o mode=700 sixc-devtest " + nodes + " || exit 99; " + script).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("shell setup: %s", err).isNotEqualTo(99);
                output = new Output(out, err);
            } finally {
                CgroupFiles.remove(cgroup);
            }
            for (int id : programs) {
                DevicePrograms.assertFreed(id);
            }
            return output;
        }
    }

    private List<Mechanism> mechanisms() {
        List<Mechanism> list = new ArrayList<>();
        CgroupLayout.host().hierarchies().stream().filter(h -> h.controllers().contains("devices")).findFirst()
                .ifPresent(h -> list.add(new Mechanism("v1 devices controller", h.mountPoint(), false, nodes)));
        unifiedMount().ifPresent(u -> list.add(new Mechanism("v2 device program", u, true, nodes)));
        assertThat(list).as("a cgroup mechanism to test").isNotEmpty();
        return list;
    }

    private static Optional<Path> unifiedMount() {
        if (CgroupLayout.host().unified()) {
            return Optional.of(CgroupLayout.host().unifiedRoot());
        }
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(l -> l.split(" "))
                    .filter(w -> w[List.of(w).indexOf("-") + 1].equals("cgroup2"))
                    .map(w -> Path.of(w[4]))
                    .findFirst();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bpfAndCgroupFds() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("anon_inode:bpf") || target.contains("sixc-devtest")) {
                        found.add(fd.getFileName() + " -> " + target);
                    }
                } catch (IOException gone) {
                    // the listing's own descriptor
                }
            }
        }
        return found;
    }
}
