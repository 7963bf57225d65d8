package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.UsersRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image's {@code /etc/passwd} and {@code /etc/group} are untrusted input: a name never
 * resolves through a symlink to a host file, a FIFO or a huge line cannot stall or overflow
 * the lookup, and an unknown name fails the launch cleanly.
 */
class UserLookupSafetyTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path rootfs(String passwd, String group) {
        return UsersRootfs.create(dir.resolve("rootfs"), busybox, passwd, group);
    }

    private static ContainerResult idAs(Path rootfs, User user) {
        return runtime.run(ContainerSpec.builder().rootfs(rootfs).command("id").user(user).build(), TIMEOUT);
    }

    private static void assertLookupFails(Path rootfs, User user, String... messageParts) {
        List<ContainerInfo> before = runtime.list();
        assertThatThrownBy(() -> idAs(rootfs, user)).isInstanceOfSatisfying(LaunchException.class, e -> {
            assertThat(e.step()).isEqualTo("user");
            assertThat(e.getMessage()).contains(messageParts);
        });
        assertThat(runtime.list()).isEqualTo(before);
    }

    @Test
    void anUnknownUserOrGroupFailsTheLaunchAndLeavesNothing() {
        Path rootfs = rootfs(UsersRootfs.PASSWD, UsersRootfs.GROUP);
        assertLookupFails(rootfs, User.parse("mallory"), "no user 'mallory' in the container's /etc/passwd", "ENOENT");
        assertLookupFails(rootfs, User.parse("alice:wheel"), "no group 'wheel' in the container's /etc/group");
        assertLookupFails(rootfs, User.parse("alice").withGroups("audio", "nosuch"), "no group 'nosuch'");
        // The malformed entry is skipped, never taken for uid 0.
        assertLookupFails(rootfs, User.parse("broken"), "no user 'broken'");
    }

    @Test
    void anUnknownUserFailsAnExecAndTheContainerRunsOn() {
        try (Container c = runtime.launch(spec("sleep", "1000").build())) {
            assertThatThrownBy(() -> c.execAndCollect(ExecSpec.builder().command("id").user(User.parse("mallory"))
                    .build(), TIMEOUT)).isInstanceOfSatisfying(LaunchException.class,
                            e -> assertThat(e.getMessage()).contains("no user 'mallory'"));
            assertThat(c.execAndCollect(ExecSpec.builder().command("id", "-u").user(User.parse("nobody")).build(), TIMEOUT)
                    .stdout()).isEqualTo("65534\n");
            c.kill();
        }
    }

    // Without the files numbers still work; names cannot.
    @Test
    void withoutPasswdAndGroupNumbersStillWork() {
        Path rootfs = rootfs(null, null);
        assertThat(idAs(rootfs, User.parse("1234")).stdout().strip()).isEqualTo("uid=1234 gid=0");
        assertLookupFails(rootfs, User.parse("alice"), "no user 'alice'");
    }

    // A symlink is followed inside the container's root only: the host file it names is never read.
    @Test
    void aSymlinkToAHostFileResolvesInsideTheContainer() throws IOException {
        Path hostFile = dir.resolve("host-passwd");
        Files.writeString(hostFile, "hostonly:x:4242:4242::/:/bin/sh\n");
        Path rootfs = rootfs(null, null);
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), hostFile);
        assertLookupFails(rootfs, User.parse("hostonly"), "no user 'hostonly'");
        // The same path inside the root is what the name resolves to.
        Path inside = rootfs.resolve(hostFile.toString().substring(1));
        Files.createDirectories(inside.getParent());
        Files.writeString(inside, "hostonly:x:5151:5151::/:/bin/sh\n");
        assertThat(idAs(rootfs, User.parse("hostonly")).stdout()).startsWith("uid=5151(hostonly) gid=5151");
    }

    // An image's /etc/passwd pointing up and out at the host's /etc/passwd: the host's users
    // (daemon, uid 1) stay unknown.
    @Test
    void aSymlinkClimbingOutOfTheRootIsClamped() throws IOException {
        assertThat(Files.readString(Path.of("/etc/passwd"))).contains("\ndaemon:");
        Path rootfs = rootfs(null, UsersRootfs.GROUP);
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../".repeat(40) + "etc/passwd"));
        assertLookupFails(rootfs, User.parse("daemon"), "/etc/passwd", "ELOOP");
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/proc/1/root/etc/passwd"));
        assertLookupFails(rootfs, User.parse("daemon"), "/etc/passwd", "ELOOP");
    }

    // A FIFO would block an open or a read forever; a device could feed endless data.
    @Test
    void aFifoOrDirectoryIsRefusedNotWaitedOn() throws Exception {
        Path rootfs = rootfs(UsersRootfs.PASSWD, null);
        Process mkfifo = new ProcessBuilder("mkfifo", rootfs.resolve("etc/group").toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        assertLookupFails(rootfs, User.parse("alice"), "/etc/group is not a regular file", "EINVAL");
        // A user whose lookup needs no /etc/group never opens it (id itself would: it names groups).
        ContainerResult r = runtime.run(ContainerSpec.builder().rootfs(rootfs).command("grep", "^[UG]id", "/proc/self/status")
                .user(User.parse("alice:7")).build(), TIMEOUT);
        assertThat(r.stdout()).isEqualTo("Uid:\t1000\t1000\t1000\t1000\nGid:\t7\t7\t7\t7\n");
        Files.delete(rootfs.resolve("etc/group"));
        Files.createDirectory(rootfs.resolve("etc/group"));
        assertLookupFails(rootfs, User.parse("alice"), "/etc/group is not a regular file");
    }

    // Files of procfs and sysfs can act when read (/proc/kmsg drains the host's kernel log).
    @Test
    void aKernelFileIsRefused() throws IOException {
        Path rootfs = rootfs(null, UsersRootfs.GROUP);
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/proc/version"));
        assertLookupFails(rootfs, User.parse("alice"), "/etc/passwd is a file of procfs or sysfs", "EINVAL");
    }

    @Test
    void anOverlongLineIsRefused() {
        Path rootfs = rootfs("x".repeat(70_000) + "\n" + UsersRootfs.PASSWD, UsersRootfs.GROUP);
        assertLookupFails(rootfs, User.parse("alice"), "/etc/passwd: line 1 is longer than 65536 bytes");
    }

    @Test
    void anImageResolvesNamesFromItsOwnFiles() throws Exception {
        Path rootfs = rootfs(UsersRootfs.PASSWD, UsersRootfs.GROUP);
        Path tar = dir.resolve("users.tar");
        Process p = new ProcessBuilder("tar", "-C", rootfs.toString(), "-cf", tar.toString(), ".").inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        runtime.importImage(tar, "users:1");
        try {
            ContainerResult r = runtime.run(ContainerSpec.builder().image("users:1").command("id")
                    .user(User.parse("bob")).build(), TIMEOUT);
            assertThat(r.stdout().strip()).isEqualTo("uid=1001(bob) gid=1001(bob) groups=44(video),50(staff)");
        } finally {
            runtime.removeImage("users:1", true);
        }
    }
}
