package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seccomp filter, as the container's processes meet it. */
class SeccompTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static ContainerResult run(Security security, String script) {
        return runtime.run(spec("sh", "-c", script).security(security).build(), TIMEOUT);
    }

    @Test
    void theDefaultFilterIsOnAndDeniesNamespacesAndMounts() {
        ContainerResult r = run(Security.defaults(), "grep Seccomp: /proc/self/status; echo ok; ls / > /dev/null && echo ls;"
                + " unshare -n true || echo unshare-denied; mount -t tmpfs x /mnt || echo mount-denied");
        assertThat(r.stdout()).contains("Seccomp:\t2").contains("ok\n").contains("ls\n").contains("unshare-denied")
                .contains("mount-denied");
        assertThat(r.stderr()).contains("Operation not permitted");
    }

    @Test
    void execdProcessesAreFilteredToo() {
        Container box = runtime.launch(spec("sleep", "1000").detached(true).build());
        try {
            ExecResult r = box.execAndCollect(ExecSpec.of("sh", "-c",
                    "grep Seccomp: /proc/self/status; unshare -n true || echo unshare-denied"), TIMEOUT);
            assertThat(r.stdout()).contains("Seccomp:\t2").contains("unshare-denied");
        } finally {
            box.remove(true);
        }
    }

    @Test
    void unconfinedHasNoFilter() {
        ContainerResult r = run(Security.builder().seccompUnconfined().build(), "grep Seccomp: /proc/self/status");
        assertThat(r.stdout()).contains("Seccomp:\t0");
    }

    @Test
    void aCustomProfileDecidesPerCallAndArgumentEvenWithEveryCapability() {
        String profile = """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [
                  {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38},
                  {"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 1, "value": 0, "op": "SCMP_CMP_EQ"}]},
                  {"names": ["unshare"], "action": "SCMP_ACT_ERRNO"}
                 ]}""";
        // Privileged: no no_new_privs, so the filter is installed before the capabilities are set.
        Security s = Security.privileged().toBuilder().seccompProfile(profile).build();
        ContainerResult r = run(s, "mkdir /tmp/d || echo mkdir-denied; kill -0 $$ || echo kill0-denied;"
                + " kill -CONT $$ && echo kill-cont-allowed; unshare -n true || echo unshare-denied; echo done");
        assertThat(r.stdout()).contains("mkdir-denied", "kill0-denied", "kill-cont-allowed", "unshare-denied", "done");
        assertThat(r.stderr()).contains("Function not implemented");
    }

    @Test
    void aBadProfileIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> Security.builder().seccompProfile("{\"defaultAction\": \"SCMP_ACT_NOPE\"}").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("SCMP_ACT_NOPE");
        assertThatThrownBy(() -> Security.builder().seccompProfile("not json").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Security.builder().seccompProfile("""
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ERRNO",
                 "args": [{"index": 6, "value": 0, "op": "SCMP_CMP_EQ"}]}]}""").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("argument index 6");
    }
}
