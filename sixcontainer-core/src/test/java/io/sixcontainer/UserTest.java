package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.UsersRootfs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user, group and supplementary groups of containers and exec'd processes, as their own
 * {@code /proc/self/status} and {@code id} report them; names come from the container's
 * {@code /etc/passwd} and {@code /etc/group}.
 */
class UserTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DOCKER_CAPS = "00000000a80425fb";

    @TempDir
    static Path dir;
    private static Path users;
    private static Container box;

    @BeforeAll
    static void createRootfsAndContainer() {
        users = UsersRootfs.create(dir.resolve("users"), busybox, UsersRootfs.PASSWD, UsersRootfs.GROUP);
        box = runtime.launch(ContainerSpec.builder().rootfs(users).command("sleep", "1000").user(User.parse("alice"))
                .detached(true).build());
    }

    @AfterAll
    static void removeContainer() {
        if (box != null) {
            box.remove(true);
        }
    }

    private static Map<String, String> statusOf(ContainerSpec.Builder spec) {
        ContainerResult r = runtime.run(spec.command("cat", "/proc/self/status").build(), TIMEOUT);
        assertThat(r.status()).as(r.stderr()).isEqualTo(ExitStatus.exited(0));
        return CapabilitiesTest.status(r.stdout());
    }

    private static Map<String, String> execStatus(User user) {
        ExecResult r = box.execAndCollect(ExecSpec.builder().command("cat", "/proc/self/status").user(user).build(),
                TIMEOUT);
        assertThat(r.status()).as(r.stderr()).isEqualTo(ExitStatus.exited(0));
        return CapabilitiesTest.status(r.stdout());
    }

    private static ContainerSpec.Builder onUsers() {
        return ContainerSpec.builder().rootfs(users);
    }

    private static String ids(Map<String, String> status) {
        return status.get("Uid").split("\t")[0] + ":" + status.get("Gid").split("\t")[0] + " [" + status.get("Groups") + "]";
    }

    @Test
    void numbersAreUsedExactlyWithTheGivenGroupsOnly() {
        Map<String, String> s = statusOf(spec().user(1000, 1000, 27, 100));
        assertThat(s).containsEntry("Uid", "1000\t1000\t1000\t1000").containsEntry("Gid", "1000\t1000\t1000\t1000")
                .containsEntry("Groups", "27 100");
        assertThat(statusOf(spec().user(4242, 4343))).containsEntry("Uid", "4242\t4242\t4242\t4242")
                .containsEntry("Gid", "4343\t4343\t4343\t4343").containsEntry("Groups", "");
        assertThat(statusOf(spec())).containsEntry("Uid", "0\t0\t0\t0").containsEntry("Groups", "");
    }

    @Test
    void aNameTakesItsGroupAndItsMembershipsFromTheContainersFiles() {
        assertThat(ids(statusOf(onUsers().user(User.parse("alice"))))).isEqualTo("1000:1000 [29 50]");
        assertThat(ids(statusOf(onUsers().user(User.parse("bob"))))).isEqualTo("1001:1001 [44 50]");
        // A uid with an entry is that user; one without gets gid 0 and no groups (docker's rules).
        assertThat(ids(statusOf(onUsers().user(User.parse("1000"))))).isEqualTo("1000:1000 [29 50]");
        assertThat(ids(statusOf(onUsers().user(User.parse("4242"))))).isEqualTo("4242:0 []");
        // With a group named, the memberships are not added; added groups always are.
        assertThat(ids(statusOf(onUsers().user(User.parse("bob:audio"))))).isEqualTo("1001:29 []");
        assertThat(ids(statusOf(onUsers().user(User.parse("alice:0").withGroups("video", "4000")))))
                .isEqualTo("1000:0 [44 4000]");
        assertThat(ids(statusOf(onUsers().user(User.parse("alice").withGroups("staff", "video")))))
                .isEqualTo("1000:1000 [29 44 50]");
        assertThat(ids(statusOf(onUsers().user(User.root().withGroups("audio"))))).isEqualTo("0:0 [29]");
    }

    @Test
    void idShowsTheNamesOfTheContainer() {
        ContainerResult r = runtime.run(onUsers().command("id").user(User.parse("alice")).build(), TIMEOUT);
        assertThat(r.stdout().strip()).isEqualTo("uid=1000(alice) gid=1000(alice) groups=29(audio),50(staff)");
    }

    @Test
    void anExecRunsAsTheContainersUserUnlessItNamesOne() {
        ExecResult id = box.execAndCollect(ExecSpec.of("id"), TIMEOUT);
        assertThat(id.stdout().strip()).isEqualTo("uid=1000(alice) gid=1000(alice) groups=29(audio),50(staff)");
        assertThat(ids(execStatus(User.parse("bob")))).isEqualTo("1001:1001 [44 50]");
        assertThat(ids(execStatus(User.of(0, 0)))).isEqualTo("0:0 []");
        assertThat(ids(execStatus(User.of(7, 8, 9, 10)))).isEqualTo("7:8 [9 10]");
        assertThat(ids(execStatus(User.parse("bob:staff").withGroups("audio")))).isEqualTo("1001:50 [29]");
    }

    // As execve by a non-root user would give them (and as Docker does).
    @Test
    void aNamedUserHoldsCapabilitiesOnlyInItsBoundingSet() {
        Map<String, String> run = statusOf(onUsers().user(User.parse("alice")));
        Map<String, String> exec = execStatus(User.parse("bob"));
        for (Map<String, String> s : java.util.List.of(run, exec)) {
            assertThat(s).containsEntry("CapBnd", DOCKER_CAPS).containsEntry("CapEff", "0000000000000000")
                    .containsEntry("CapPrm", "0000000000000000").containsEntry("CapAmb", "0000000000000000")
                    .containsEntry("NoNewPrivs", "1");
        }
        assertThat(execStatus(User.parse("root"))).containsEntry("CapEff", DOCKER_CAPS);
    }
}
