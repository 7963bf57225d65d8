package io.sixcontainer.internal.launch;

import static io.sixcontainer.internal.plan.LaunchPlanner.confinement;
import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.Namespace;
import io.sixcontainer.internal.cgroup.CgroupLayout;
import io.sixcontainer.ffi.HelperBinary;
import io.sixcontainer.testing.TestRoots;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The C side treats the launch config as untrusted input: whatever bytes arrive, the parser
 * answers "ok" or "invalid: ..." and never crashes. Runs the real helper's parser
 * ({@code sixc-helper check-config}); needs no root.
 */
class LaunchConfigFuzzTest {

    private static Path dir;
    private static Path helper;

    @BeforeAll
    static void extractHelper() {
        dir = TestRoots.create();
        helper = HelperBinary.locate(dir);
    }

    @AfterAll
    static void removeHelper() {
        TestRoots.delete(dir);
    }

    private static byte[] validConfig() {
        return new LaunchConfig()
                .rootfs("/var/lib/sixcontainer/rootfs/busybox")
                .args(List.of("sh", "-c", "echo hi"))
                .env(Map.of("PATH", "/bin", "A", "b c"))
                .cwd("/tmp")
                .hostname("box")
                .flags(Protocol.FLAG_LOOPBACK)
                .mounts(MountPlan.standard(EnumSet.allOf(Namespace.class), CgroupLayout.host().placementFor("0".repeat(64), io.sixcontainer.Resources.none())))
                .mounts(Confinement.mounts(confinement(io.sixcontainer.Security.defaults())))
                .records(Confinement.records(confinement(io.sixcontainer.Security.builder().seccompUnconfined().oomScoreAdj(100).build())))
                .seccomp(new byte[16])
                .toBytes();
    }

    @Test
    void acceptsWhatJavaEncodes() throws Exception {
        assertThat(check(validConfig())).isEqualTo(new Outcome(0, "ok"));
        byte[] defaults = base().records(Confinement.records(confinement(io.sixcontainer.Security.defaults()))).toBytes();
        assertThat(check(defaults)).as("the default confinement").isEqualTo(new Outcome(0, "ok"));
    }

    @Test
    void rejectsConfinementRecordsTheKernelWouldRefuse() throws Exception {
        assertThat(check(base().capabilities(1, 1, 3, 0).toBytes()).output()).contains("effective set not within permitted");
        assertThat(check(base().capabilities(1, 3, 1, 0).toBytes()).output()).contains("permitted set not within bounding");
        assertThat(check(base().rlimit(7, 10, 5).toBytes()).output()).contains("soft limit above hard limit");
        assertThat(check(base().rlimit(16, 1, 1).toBytes()).output()).contains("unknown resource 16");
        assertThat(check(base().rlimit(7, 1, 1).rlimit(7, 2, 2).toBytes()).output()).contains("resource 7 twice");
        assertThat(check(base().oomScoreAdj(1001).toBytes()).output()).contains("1001 not in -1000..1000");
        assertThat(check(base().seccomp(new byte[12]).toBytes()).output()).contains("not a positive multiple of 8");
        assertThat(check(base().seccomp(new byte[8 * 4097]).toBytes()).output()).contains("more than 4096 instructions");
        assertThat(check(base().groups(List.of(1, 2)).toBytes()).output()).contains("GROUPS or GROUP_NAME without USER or USER_NAME");
        assertThat(check(base().user(1, 1).groups(List.of(1, 2)).toBytes())).isEqualTo(new Outcome(0, "ok"));
        assertThat(check(base().noNewPrivileges().noNewPrivileges().toBytes()).output()).contains("NO_NEW_PRIVS: more than one");
    }

    @Test
    void rejectsUserRecordsThatCouldNeverMatchOrThatConflict() throws Exception {
        assertThat(check(base().userName("alice", "").groupName("audio").groupName("44").toBytes()))
                .isEqualTo(new Outcome(0, "ok"));
        assertThat(check(base().userName("1000", "staff").toBytes())).isEqualTo(new Outcome(0, "ok"));
        assertThat(check(base().userName("", "").toBytes()).output()).contains("USER_NAME user: empty name");
        assertThat(check(base().userName("a:b", "").toBytes()).output()).contains("contains ':' or a newline");
        assertThat(check(base().userName("a", "b\nc").toBytes()).output()).contains("contains ':' or a newline");
        assertThat(check(base().userName("x".repeat(256), "").toBytes()).output()).contains("name of 256 bytes or more");
        assertThat(check(base().userName("2147483648", "").toBytes()).output()).contains("id 2147483648 above");
        assertThat(check(base().userName("a", "").userName("b", "").toBytes()).output()).contains("USER_NAME: more than one");
        assertThat(check(base().user(1, 1).userName("b", "").toBytes()).output()).contains("USER and USER_NAME together");
        assertThat(check(base().groupName("audio").toBytes()).output()).contains("GROUP_NAME without USER");
        byte[] oneString = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putShort((short) Protocol.Tag.USER_NAME.code).putShort((short) 0)
                .putInt(2).put((byte) 'a').put((byte) 0).array();
        assertThat(check(base().records(oneString).toBytes()).output()).contains("USER_NAME: 1 of 2 strings");
        LaunchConfig many = base().user(1, 1);
        for (int i = 0; i <= 256; i++) {
            many.groupName("g" + i);
        }
        assertThat(check(many.toBytes()).output()).contains("GROUP_NAME: more than 256");
    }

    @Test
    void acceptsOnlyAbsoluteCgroupProcsFiles() throws Exception {
        // The init writes into each CGROUP file (and checks on the open file that it is a cgroup file system).
        assertThat(check(base().cgroups(List.of("/sys/fs/cgroup/memory/x/cgroup.procs")).toBytes()))
                .isEqualTo(new Outcome(0, "ok"));
        for (String bad : List.of("/sys/fs/cgroup/memory/x/memory.limit_in_bytes", "sys/fs/cgroup/x/cgroup.procs",
                "/sys/fs/cgroup/../../etc/cgroup.procs", "/sys/fs/cgroup/cgroup.procs/..", "/sys/fs/cgroup/xcgroup.procs")) {
            assertThat(check(base().cgroups(List.of(bad)).toBytes()).output()).as(bad)
                    .contains("CGROUP: not an absolute path of a cgroup.procs file");
        }
    }

    private static LaunchConfig base() {
        return new LaunchConfig().rootfs("/r").args(List.of("x"));
    }

    @Test
    void rejectsTruncatedOversizedAndWrongHeaders() throws Exception {
        byte[] valid = validConfig();
        for (int len : new int[] {0, 1, 11, 12, 20, valid.length - 1}) {
            assertThat(check(java.util.Arrays.copyOf(valid, len)).code()).as("truncated to %d", len).isEqualTo(2);
        }
        byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 1);
        assertThat(check(longer).code()).as("trailing byte").isEqualTo(2);

        byte[] badMagic = valid.clone();
        badMagic[0] = 'X';
        assertThat(check(badMagic).code()).isEqualTo(2);

        byte[] badVersion = valid.clone();
        ByteBuffer.wrap(badVersion).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 99);
        assertThat(check(badVersion).code()).isEqualTo(2);

        byte[] hugeLength = valid.clone();
        ByteBuffer.wrap(hugeLength).order(ByteOrder.LITTLE_ENDIAN).putInt(8, Integer.MAX_VALUE);
        assertThat(check(hugeLength).code()).isEqualTo(2);
    }

    @Test
    void rejectsAStringWithoutItsNul() throws Exception {
        byte[] magic = Protocol.MAGIC.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(Protocol.HEADER_LEN + 8 + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic).putInt(Protocol.VERSION).putInt(11).putShort((short) Protocol.Tag.ROOTFS.code).putShort((short) 0)
                .putInt(3).put("/ab".getBytes(StandardCharsets.US_ASCII));
        assertThat(check(b.array()).code()).isEqualTo(2);
    }

    @Test
    void survivesRandomMutations() throws Exception {
        byte[] valid = validConfig();
        Random random = new Random(20261129L);
        for (int i = 0; i < 300; i++) {
            byte[] mutated = valid.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            Outcome o = check(mutated);
            assertThat(o.code()).as("mutation %d: %s", i, o.output()).isIn(0, 2);
        }
        for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[random.nextInt(4096)];
            random.nextBytes(garbage);
            if (garbage.length >= 4) {
                System.arraycopy(Protocol.MAGIC.getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 4);
            }
            assertThat(check(garbage).code()).as("garbage %d", i).isEqualTo(2);
        }
    }

    record Outcome(int code, String output) {
    }

    private static Outcome check(byte[] input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(helper.toString(), "check-config").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        } catch (IOException closedEarly) {
            // the parser may reject the header and exit before reading everything
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), out);
    }
}
