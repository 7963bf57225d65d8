package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The public value types the specs check names and options with, and the launch consumes. */
class SpecValuesTest {

    @Test
    void capabilitiesAndRlimitsHaveTheKernelsNumbers() {
        assertThat(Capability.of("net_admin")).isEqualTo(Capability.CAP_NET_ADMIN);
        assertThat(Capability.of("CAP_SYS_ADMIN").number()).isEqualTo(21);
        assertThat(Capability.CAP_CHECKPOINT_RESTORE.number()).isEqualTo(40);
        assertThatThrownBy(() -> Capability.of("NET_NOPE")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'NET_NOPE'");
        assertThat(RlimitName.of("rlimit_nofile")).isEqualTo(RlimitName.NOFILE);
        assertThat(RlimitName.NOFILE.number()).isEqualTo(7);
        assertThat(RlimitName.RTTIME.number()).isEqualTo(15);
        assertThatThrownBy(() -> RlimitName.of("bogus")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'bogus'").hasMessageContaining("NOFILE");
        assertThat(Security.privileged().capabilities()).hasSize(Capability.values().length);
    }

    @Test
    void tmpfsOptionsParseToFlagsAndData() {
        assertThat(TmpfsMount.parse("/run", "")).isEqualTo(new TmpfsMount("/run", false, true, true, true, ""));
        assertThat(TmpfsMount.parse("/t", "ro,exec,size=1m,rw,ro,mode=1777"))
                .isEqualTo(new TmpfsMount("/t", true, true, true, false, "size=1m,mode=1777"));
        assertThatThrownBy(() -> TmpfsMount.parse("/", "")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'/'");
    }

    @Test
    void containerNamesAndDeviceRuleCounts() {
        assertThat(ContainerSpec.isValidName("web-1.a_b")).isTrue();
        assertThat(ContainerSpec.isValidName("../x")).isFalse();
        assertThat(ContainerSpec.isValidName(null)).isFalse();
        assertThat(ContainerSpec.isValidName("a".repeat(129))).isFalse();
        Security.builder().deviceCgroupRule(Collections.nCopies(488, "c 1:3 r").toArray(String[]::new)).build();
        assertThatThrownBy(() -> Security.builder()
                .deviceCgroupRule(Collections.nCopies(489, "c 1:3 r").toArray(String[]::new)).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("501 device cgroup rules");
        Security.builder().deviceCgroupRule(Collections.nCopies(600, "a *:* rwm").toArray(String[]::new)).build();
    }
}
