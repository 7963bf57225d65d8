package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -u/--user} and {@code --group-add} of {@code sixc run} and {@code sixc exec}, as the container reports them. */
class UserFlagsTest extends SixcProcessTest {

    private static final String IDS = "^(Uid|Gid|Groups)";

    @Test
    void namesComeFromTheImagesFilesAndNumbersAreTakenAsGiven() {
        CliProcess.Result nobody = sixc("run", "-u", "nobody", "busybox", "id");
        assertThat(nobody.stdout()).as(nobody.stderr()).isEqualTo("uid=65534(nobody) gid=65534(nogroup)\n");
        CliProcess.Result ids = sixc("run", "--user", "1000:1000", "--group-add", "27", "--group-add", "tty", "busybox",
                "grep", "-E", IDS, "/proc/self/status");
        assertThat(ids.stdout()).as(ids.stderr())
                .isEqualTo("Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nGroups:\t5 27 \n");
    }

    // The caller's own supplementary groups (here 7 and 8) never reach a container or an exec.
    @Test
    void theCallersGroupsDoNotLeakIn() {
        List<String> withGroups = List.of("setpriv", "--groups", "7,8", "--");
        CliProcess.Result run = CliProcess.runWrapped(withGroups, root, "run", "busybox", "grep", "-E", IDS,
                "/proc/self/status");
        assertThat(run.stdout()).as(run.stderr()).isEqualTo("Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t \n");
        assertThat(sixc("run", "-d", "--name", "groups", "busybox", "sleep", "100").exitCode()).isZero();
        try {
            CliProcess.Result exec = CliProcess.runWrapped(withGroups, root, "exec", "groups", "grep", "Groups",
                    "/proc/self/status");
            assertThat(exec.stdout()).as(exec.stderr()).isEqualTo("Groups:\t \n");
        } finally {
            sixc("rm", "-f", "groups");
        }
    }

    @Test
    void execRunsAsTheContainersUserUnlessToldOtherwise() {
        assertThat(sixc("run", "-d", "--name", "asnobody", "-u", "nobody", "busybox", "sleep", "100").exitCode()).isZero();
        try {
            assertThat(sixc("exec", "asnobody", "id", "-u").stdout()).isEqualTo("65534\n");
            assertThat(sixc("exec", "-u", "root", "asnobody", "id", "-u").stdout()).isEqualTo("0\n");
            assertThat(sixc("exec", "--user", "123:456", "asnobody", "id").stdout()).isEqualTo("uid=123 gid=456\n");
        } finally {
            sixc("rm", "-f", "asnobody");
        }
    }

    @Test
    void anUnknownNameFailsLikeDockerAndLeavesNoContainer() {
        CliProcess.Result r = sixc("run", "-u", "mallory", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.stderr()).isEqualTo("sixc: container init failed: user(no user 'mallory' in the container's"
                + " /etc/passwd): ENOENT (No such file or directory)\n");
        assertThat(sixc("ps", "-a", "-q").stdout()).isEmpty();
        CliProcess.Result bad = sixc("run", "-u", "a:b:c", "busybox", "true");
        assertThat(bad.exitCode()).isEqualTo(125);
        assertThat(bad.stderr()).startsWith("sixc: invalid group 'b:c' in 'a:b:c'");
    }
}
