package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.internal.cgroup.CgroupLayout;
import io.sixcontainer.DeviceRule;
import io.sixcontainer.testing.DevicePrograms;
import io.sixcontainer.testing.RuntimeTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Device access from inside a container: which device nodes it may make, open, read and
 * write, whatever the node's permissions. Runs on either cgroup layout (v1: the devices
 * controller; v2: a device program), the same assertions on both.
 */
class DeviceAccessTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final boolean V2 = CgroupLayout.host().unified();
    private static final String DENIED = "Operation not permitted";

    private static ContainerResult run(Security security, String script) {
        return runtime.run(spec("sh", "-c", script).security(security).build(), TIMEOUT);
    }

    @Test
    void containerRootCannotOpenABlockDeviceOfTheHost() throws IOException {
        HostBlockDevice disk = HostBlockDevice.openable().orElse(HostBlockDevice.SCSI_DISK);
        String script = "mknod /dev/disk b " + disk.major + " " + disk.minor + " && echo made;"
                + " exec 3< /dev/disk && echo opened";
        ContainerResult r = run(Security.defaults(), script);
        // mknod stays allowed (Docker's "b *:* m"); opening the node is what the cgroup refuses.
        assertThat(r.stdout()).as("host device %s", disk).isEqualTo("made\n");
        assertThat(r.stderr()).isEqualTo("sh: can't open /dev/disk: " + DENIED + "\n");
    }

    @Test
    void charDevicesOutsideTheListCannotBeOpened() {
        // kmsg opens for writing with no capability at all, and fuse needs none either: only
        // the cgroup can refuse them (a missing fuse module would say ENODEV, not EPERM).
        ContainerResult r = run(Security.defaults(), "mknod /dev/kmsg c 1 11 && mknod /dev/fuse c 10 229 && echo made;"
                + " (exec 3> /dev/kmsg && echo kmsg-opened); (exec 3<> /dev/fuse && echo fuse-opened)");
        assertThat(r.stdout()).isEqualTo("made\n");
        assertThat(r.stderr().lines().toList()).containsExactly("sh: can't create /dev/kmsg: " + DENIED,
                "sh: can't create /dev/fuse: " + DENIED);
    }

    @Test
    void theDefaultDevicesStillWork() {
        ContainerResult r = run(Security.defaults(), "echo x > /dev/null && echo null;"
                + " [ \"$(head -c 4 /dev/zero | od -An -tx1 | tr -d ' \\n')\" = 00000000 ] && echo zero;"
                + " [ \"$(head -c 16 /dev/urandom | wc -c)\" = 16 ] && echo urandom;"
                + " [ \"$(head -c 16 /dev/random | wc -c)\" = 16 ] && echo random;"
                + " echo x 2>&1 > /dev/full | grep -q 'No space left' && echo full;"
                + " mknod /dev/null2 c 1 3 && echo x > /dev/null2 && echo null-made-here");
        assertThat(r.stdout().lines().toList()).containsExactly("null", "zero", "urandom", "random", "full",
                "null-made-here");
        assertThat(r.status().success()).as(r.stderr()).isTrue();
    }

    @Test
    void terminalDevicesWorkWithATerminal() throws IOException {
        // /dev/tty is 5:0, the console and stdio a pty slave (136:N), /dev/ptmx the pts instance's 5:2.
        try (Container c = runtime.launch(spec("sh", "-c", "echo via-tty > /dev/tty && echo via-console > /dev/console"
                + " && exec 3<> /dev/ptmx && echo ptmx-ok").tty(true).build())) {
            String out = new String(c.stdout().readAllBytes());
            assertThat(c.waitFor().shellCode()).as(out).isZero();
            assertThat(out).contains("via-tty\r\n", "via-console\r\n", "ptmx-ok\r\n");
        }
    }

    @Test
    void anExtraRuleAllowsExactlyItsAccess() {
        Security kmsgWrite = Security.builder().deviceCgroupRule("c 1:11 w").build();
        ContainerResult r = run(kmsgWrite, "mknod /dev/kmsg c 1 11; (exec 3> /dev/kmsg && echo write-opened);"
                + " mknod /dev/fuse c 10 229; (exec 3<> /dev/fuse && echo fuse-opened)");
        assertThat(r.stdout()).isEqualTo("write-opened\n");
        assertThat(r.stderr()).isEqualTo("sh: can't create /dev/fuse: " + DENIED + "\n");
    }

    @Test
    void execdProcessesAreConfinedToo() {
        try (Container c = runtime.launch(spec("sleep", "60").build())) {
            ExecResult r = c.execAndCollect(ExecSpec.of("sh", "-c", "mknod /dev/kmsg c 1 11 && echo made;"
                    + " exec 3> /dev/kmsg && echo opened"), TIMEOUT);
            assertThat(r.stdout()).isEqualTo("made\n");
            assertThat(r.stderr()).contains(DENIED);
            c.kill(9);
        }
    }

    @Test
    void privilegedOpensWhatTheHostAllows() throws IOException {
        String disk = HostBlockDevice.openable().map(d -> "mknod /dev/disk b " + d.major + " " + d.minor
                + " && exec 3< /dev/disk && echo disk-opened; ").orElse("echo disk-opened; ");
        ContainerResult r = run(Security.privileged(), disk + "mknod /dev/kmsg c 1 11 && exec 4> /dev/kmsg && echo kmsg-opened");
        assertThat(r.stdout()).as(r.stderr()).isEqualTo("disk-opened\nkmsg-opened\n");
        assertThat(Security.privileged().deviceCgroupRules()).containsExactly("a *:* rwm");
    }

    @Test
    void theHostSeesTheRulesOnTheContainersCgroup() throws IOException {
        for (Security s : List.of(Security.defaults(), Security.privileged())) {
            ContainerSpec spec = spec("sh", "-c", "echo up; read x; exit 0").security(s)
                    .stdin(Stdio.pipe()).stdout(Stdio.pipe()).build();
            Path cgroup;
            int programId = 0;
            try (Container c = runtime.launch(spec)) {
                assertThat(new BufferedReader(new InputStreamReader(c.stdout())).readLine()).isEqualTo("up");
                cgroup = cgroupDir(c.pid());
                if (V2) {
                    int[] ids = DevicePrograms.attached(cgroup);
                    assertThat(ids).hasSize(s == Security.privileged() ? 0 : 1);
                    programId = ids.length == 0 ? 0 : ids[0];
                } else {
                    List<String> list = Files.readAllLines(cgroup.resolve("devices.list"));
                    assertThat(list).isEqualTo(s == Security.privileged()
                            ? Files.readAllLines(cgroup.getParent().resolve("devices.list"))
                            : DeviceRule.DOCKER_DEFAULT);
                }
                c.stdin().close();
                assertThat(c.waitFor().success()).isTrue();
            }
            assertThat(cgroup).doesNotExist();
            if (programId != 0) {
                DevicePrograms.assertFreed(programId);
            }
        }
    }

    @Test
    void aMalformedRuleIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> Security.builder().deviceCgroupRule("c 1:3 rwx").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'c 1:3 rwx'");
        assertThatThrownBy(() -> Security.builder().deviceCgroupRule("b 4096:0 r").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("4096");
    }

    /** The container's cgroup directory that holds the device rules (v1: in the devices hierarchy). */
    private static Path cgroupDir(int pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) {
            String[] f = line.split(":", 3);
            if (V2 && f[0].equals("0")) {
                return CgroupLayout.host().unifiedRoot().resolve(f[2].substring(1));
            }
            if (!V2 && List.of(f[1].split(",")).contains("devices")) {
                Path mount = CgroupLayout.host().hierarchies().stream()
                        .filter(h -> h.controllers().contains("devices")).findFirst().orElseThrow().mountPoint();
                return mount.resolve(f[2].substring(1));
            }
        }
        throw new IllegalStateException("no devices cgroup for pid " + pid);
    }

    /** A block device that the host itself can open. */
    private record HostBlockDevice(String name, int major, int minor) {

        // Where the host can open none (a VM on a 9p root): opening SCSI disk 0 must then fail
        // with EPERM from the cgroup, not ENXIO from a missing driver.
        static final HostBlockDevice SCSI_DISK = new HostBlockDevice("sda", 8, 0);

        static Optional<HostBlockDevice> openable() throws IOException {
            try (var entries = Files.list(Path.of("/sys/dev/block"))) {
                for (Path entry : entries.sorted().toList()) {
                    String[] number = entry.getFileName().toString().split(":");
                    String name = Files.readAllLines(entry.resolve("uevent")).stream()
                            .filter(l -> l.startsWith("DEVNAME=")).map(l -> l.substring(8)).findFirst().orElse("");
                    try (InputStream in = Files.newInputStream(Path.of("/dev", name))) {
                        return Optional.of(new HostBlockDevice(name, Integer.parseInt(number[0]),
                                Integer.parseInt(number[1])));
                    } catch (IOException notOpenable) {
                        // the host cannot open this one either: no proof either way
                    }
                }
            }
            return Optional.empty();
        }
    }
}
