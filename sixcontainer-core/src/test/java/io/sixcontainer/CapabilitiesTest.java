package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capabilities and no_new_privs, as the container's own /proc/self/status reports them. */
class CapabilitiesTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Docker's 14 default capabilities, as `docker run busybox grep CapBnd /proc/self/status` shows them. */
    private static final String DOCKER_CAPS = "00000000a80425fb";

    static Map<String, String> status(String statusText) {
        Map<String, String> m = new LinkedHashMap<>();
        statusText.lines().filter(l -> l.contains(":\t"))
                .forEach(l -> m.put(l.substring(0, l.indexOf(':')), l.substring(l.indexOf(':') + 1).trim()));
        return m;
    }

    private static Map<String, String> statusOf(ContainerSpec spec) {
        ContainerResult r = runtime.run(spec, TIMEOUT);
        assertThat(r.status()).as(r.stderr()).isEqualTo(ExitStatus.exited(0));
        return status(r.stdout());
    }

    /** Every capability the runtime itself holds (a test host may lack some). */
    private static String allCaps() throws Exception {
        return status(Files.readString(Path.of("/proc/self/status"))).get("CapBnd");
    }

    @Test
    void theDefaultsAreDockersCapabilitiesAndNoNewPrivs() {
        Map<String, String> s = statusOf(spec("cat", "/proc/self/status").build());
        assertThat(s).containsEntry("CapBnd", DOCKER_CAPS).containsEntry("CapPrm", DOCKER_CAPS)
                .containsEntry("CapEff", DOCKER_CAPS).containsEntry("CapInh", "0000000000000000")
                .containsEntry("CapAmb", "0000000000000000").containsEntry("NoNewPrivs", "1");
    }

    @Test
    void execdProcessesGetTheSameAndANonRootUserNoneEffective() {
        Container box = runtime.launch(spec("sleep", "1000").detached(true).build());
        try {
            Map<String, String> s = status(box.execAndCollect(ExecSpec.of("cat", "/proc/self/status"), TIMEOUT).stdout());
            assertThat(s).containsEntry("CapBnd", DOCKER_CAPS).containsEntry("CapEff", DOCKER_CAPS)
                    .containsEntry("CapPrm", DOCKER_CAPS).containsEntry("CapInh", "0000000000000000")
                    .containsEntry("CapAmb", "0000000000000000").containsEntry("NoNewPrivs", "1");
            Map<String, String> user = status(box.execAndCollect(ExecSpec.builder().command("cat", "/proc/self/status")
                    .user(1000, 1000).build(), TIMEOUT).stdout());
            assertThat(user).containsEntry("Uid", "1000\t1000\t1000\t1000").containsEntry("CapBnd", DOCKER_CAPS)
                    .containsEntry("CapEff", "0000000000000000").containsEntry("CapPrm", "0000000000000000")
                    .containsEntry("NoNewPrivs", "1");
        } finally {
            box.remove(true);
        }
    }

    @Test
    void privilegedGetsEveryCapabilityAndNoFilter() throws Exception {
        Map<String, String> s = statusOf(spec("cat", "/proc/self/status").security(Security.privileged()).build());
        assertThat(s).containsEntry("CapBnd", allCaps()).containsEntry("CapEff", allCaps())
                .containsEntry("NoNewPrivs", "0").containsEntry("Seccomp", "0");
    }

    @Test
    void capAddAndCapDropChangeTheSets() {
        Security s = Security.builder().capDrop("ALL").capAdd("NET_BIND_SERVICE", "cap_kill").build();
        Map<String, String> st = statusOf(spec("cat", "/proc/self/status").security(s).build());
        assertThat(st).containsEntry("CapBnd", "0000000000000420").containsEntry("CapEff", "0000000000000420");
        Security plus = Security.builder().capAdd("CAP_NET_ADMIN").capDrop("MKNOD").build();
        assertThat(statusOf(spec("cat", "/proc/self/status").security(plus).build()))
                .containsEntry("CapBnd", String.format("%016x", (0xa80425fbL | 1L << 12) & ~(1L << 27)));
    }

    @Test
    void withoutSysAdminAReadOnlyMountCannotBeMadeWritable() {
        String script = "mount -o remount,rw / && touch /written && rm /written && echo WROTE";
        // Without a seccomp filter: the capability set alone must stop it.
        ContainerSpec.Builder b = spec("sh", "-c", script).readOnlyRootfs(true);
        ContainerResult denied = runtime.run(b.security(Security.builder().seccompUnconfined().build()).build(),
                TIMEOUT);
        assertThat(denied.status().success()).isFalse();
        assertThat(denied.stdout()).doesNotContain("WROTE");
        assertThat(denied.stderr()).containsIgnoringCase("permission denied");
        assertThat(busybox.resolve("written")).doesNotExist();
        // The same script does work with CAP_SYS_ADMIN: the check above can fail.
        ContainerResult allowed = runtime.run(b.security(Security.privileged()).build(), TIMEOUT);
        assertThat(allowed.stdout()).as(allowed.stderr()).contains("WROTE");
    }
}
