package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sixc run} flags, driven as a subprocess; assertions read what the container printed. */
class RunFlagsTest extends SixcProcessTest {

    @Test
    void exitCodeIsTheContainersAndOwnFailuresFollowDocker() {
        assertThat(sixc("run", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        CliProcess.Result notFound = sixc("run", "busybox", "nosuchcommand");
        assertThat(notFound.exitCode()).isEqualTo(127);
        assertThat(notFound.stderr().lines()).hasSize(1).first().asString().startsWith("sixc: ");
        CliProcess.Result badFlag = sixc("run", "--network", "no/such", "busybox", "true");
        assertThat(badFlag.exitCode()).isEqualTo(125);
        assertThat(badFlag.stderr()).startsWith("sixc: bad network name 'no/such'");
    }

    @Test
    void readOnlyRootRefusesWritesButTmpfsStaysWritable() {
        CliProcess.Result ro = sixc("run", "--read-only", "--tmpfs", "/scratch", "busybox", "sh", "-c",
                "touch /scratch/ok && echo tmpfs-writable; touch /x");
        assertThat(ro.stdout()).isEqualTo("tmpfs-writable\n");
        assertThat(ro.stderr()).contains("touch: /x: Read-only file system");
        assertThat(ro.exitCode()).isEqualTo(1);
        CliProcess.Result rw = sixc("run", "busybox", "sh", "-c", "touch /rw-probe && rm /rw-probe && echo writable");
        assertThat(rw.stdout()).isEqualTo("writable\n");
    }

    @Test
    void tmpfsIsMountedWithItsOptions() {
        CliProcess.Result r = sixc("run", "--tmpfs", "/data:size=1m,mode=700,exec", "busybox", "sh", "-c",
                "grep ' /data ' /proc/self/mountinfo; stat -c %a /data");
        assertThat(r.exitCode()).isZero();
        String[] line = r.stdout().lines().findFirst().orElseThrow().split(" ");
        // fields: 5 = mount point, 6 = per-mount options, then " - fstype source super-options"
        assertThat(line[4]).isEqualTo("/data");
        assertThat(line[5]).contains("nosuid", "nodev").doesNotContain("noexec");
        assertThat(String.join(" ", line)).contains(" - tmpfs tmpfs ").contains("size=1024k", "mode=700");
        assertThat(r.stdout().lines().skip(1)).containsExactly("700");
        CliProcess.Result bad = sixc("run", "--tmpfs", "/data:foo=1", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).contains("tmpfs /data: unknown option 'foo=1'");
    }

    @Test
    void networkHostSeesTheHostsInterfacesAndNoneOnlyLoopback() throws IOException {
        String hostInterfaces;
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
            hostInterfaces = String.join(" ", s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        CliProcess.Result host = sixc("run", "--network", "host", "busybox", "sh", "-c", "ls /sys/class/net | sort | xargs");
        assertThat(host.stdout().strip()).isEqualTo(hostInterfaces);
        CliProcess.Result none = sixc("run", "--network", "none", "busybox", "ls", "/sys/class/net");
        assertThat(none.stdout().strip()).isEqualTo("lo");
    }

    @Test
    void envFileAndCallersValuesReachTheContainerAndNothingElse(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("app.env");
        Files.writeString(file, "# settings\nFROM_FILE=file value\n\n  OVERRIDDEN=from-file\nFROM_CALLER_VIA_FILE\n");
        CliProcess.Result r = CliProcess.run(root, new byte[0],
                Map.of("CALLER_VAR", "caller value", "FROM_CALLER_VIA_FILE", "via file", "NOT_PASSED", "secret"),
                "run", "--env-file", file.toString(), "-e", "OVERRIDDEN=from-flag", "-e", "CALLER_VAR",
                "-e", "UNSET_IN_CALLER", "busybox", "env");
        assertThat(r.stdout().lines().sorted()).containsExactly(
                "CALLER_VAR=caller value", "FROM_CALLER_VIA_FILE=via file", "FROM_FILE=file value",
                "HOME=/root", "OVERRIDDEN=from-flag", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        CliProcess.Result missing = sixc("run", "--env-file", dir.resolve("nope.env").toString(), "busybox", "true");
        assertThat(missing.exitCode()).isEqualTo(125);
        assertThat(missing.stderr()).startsWith("sixc: cannot read env file ");
    }

    @Test
    void workdirAndHostname() {
        CliProcess.Result r = sixc("run", "-w", "/tmp", "--hostname", "box", "busybox", "sh", "-c", "pwd; hostname");
        assertThat(r.stdout()).isEqualTo("/tmp\nbox\n");
    }

    @Test
    void interactiveWithoutTtyIsABinarySafePipe() {
        byte[] input = new byte[256 * 1024];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31 + (i >> 8));
        }
        CliProcess.Result r = CliProcess.run(root, input, Map.of(), "run", "-i", "busybox", "md5sum");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith(md5(input) + "  -");
        CliProcess.Result notInteractive = CliProcess.run(root, "x".getBytes(StandardCharsets.US_ASCII), Map.of(),
                "run", "busybox", "wc", "-c");
        assertThat(notInteractive.stdout().strip()).isEqualTo("0");
    }

    @Test
    void ttyWithoutATerminalStillGivesTheContainerOne() {
        CliProcess.Result r = sixc("run", "-t", "--rm", "busybox", "sh", "-c", "tty; [ -t 1 ] && echo out-is-tty");
        assertThat(r.stdout()).isEqualTo("/dev/console\r\nout-is-tty\r\n");
        CliProcess.Result it = sixc("run", "-it", "busybox", "true");
        assertThat(it.exitCode()).isEqualTo(125);
        assertThat(it.stderr()).startsWith("sixc: the input device is not a TTY");
    }

    @Test
    void seedSpellingsRunInBusybox() {
        CliProcess.Result seed = sixc("run", "/bin/echo", "seed");
        assertThat(seed.stdout()).as(seed.toString()).isEqualTo("seed\n");
        assertThat(sixc("run", "--", "sh", "-c", "echo $0 $1", "a", "b").stdout()).isEqualTo("a b\n");
        assertThat(sixc("run", "-e", "A=1", "--", "sh", "-c", "echo A=$A").stdout()).isEqualTo("A=1\n");
    }

    @Test
    void helpShowsExamples() {
        CliProcess.Result r = sixc("run", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Examples:", "sixc run -ti busybox sh", "--read-only", "--tmpfs", "--env-file");
    }

    @Test
    void deviceCgroupRuleAllowsADevice() {
        String script = "mknod /dev/kmsg c 1 11 && exec 3> /dev/kmsg && echo opened";
        assertThat(sixc("run", "busybox", "sh", "-c", script).stderr()).contains("Operation not permitted");
        CliProcess.Result allowed = sixc("run", "--device-cgroup-rule", "c 1:11 w", "busybox", "sh", "-c", script);
        assertThat(allowed.stdout()).as(allowed.stderr()).isEqualTo("opened\n");
        CliProcess.Result bad = sixc("run", "--device-cgroup-rule", "c 1:11 x", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).contains("'c 1:11 x'");
    }

    private static String md5(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
