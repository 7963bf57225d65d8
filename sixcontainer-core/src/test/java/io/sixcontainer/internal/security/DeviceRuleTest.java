package io.sixcontainer.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.DeviceRule;
import io.sixcontainer.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and printing device rules; what the kernel does with them is in DeviceAccessMechanismTest. */
class DeviceRuleTest {

    @Test
    void parsesAndPrintsTheKernelsFormat() {
        assertThat(DeviceRule.parse("c 136:* rwm")).isEqualTo(new DeviceRule('c', 136, DeviceRule.ANY, 7));
        assertThat(DeviceRule.parse("b *:* m")).isEqualTo(new DeviceRule('b', DeviceRule.ANY, DeviceRule.ANY, 1));
        // access letters in any order, printed in the kernel's order
        assertThat(DeviceRule.parse("c 1:3 mwr")).hasToString("c 1:3 rwm");
        assertThat(DeviceRule.parseAll(DeviceRule.DOCKER_DEFAULT).stream().map(DeviceRule::toString).toList())
                .isEqualTo(DeviceRule.DOCKER_DEFAULT);
        assertThat(DeviceRule.parse("b 4095:1048575 r")).hasToString("b 4095:1048575 r");
    }

    @Test
    void refusesWhatTheKernelWouldNotTakeNamingTheRule() {
        for (String bad : List.of("", "c 1:3", "c 1:3 rwmr", "x 1:3 r", "c 1:3 q", "c -1:3 r", "c 1:3 rwm ",
                "c 1 3 r", "C 1:3 r")) {
            assertThatThrownBy(() -> DeviceRule.parse(bad)).isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> DeviceRule.parse("c 1:3 rr")).hasMessageContaining("twice");
        assertThatThrownBy(() -> DeviceRule.parse("c 4096:0 r")).hasMessageContaining("largest major");
        assertThatThrownBy(() -> DeviceRule.parse("c 1:1048576 r")).hasMessageContaining("largest minor");
        assertThatThrownBy(() -> DeviceRule.parse(null)).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void onlyEveryAccessToEveryDeviceAllowsAll() {
        assertThat(DeviceRule.allowsAll(DeviceRule.parseAll(List.of("c 1:3 rwm", "a *:* rwm")))).isTrue();
        assertThat(DeviceRule.allowsAll(DeviceRule.parseAll(List.of("a *:* rw")))).isFalse();
        assertThat(DeviceRule.allowsAll(DeviceRule.parseAll(List.of("c *:* rwm", "b *:* rwm")))).isFalse();
        assertThat(DeviceRule.allowsAll(List.of())).isFalse();
    }

    @Test
    void theProgramHasOneBlockPerRuleAndStaysWithinTheKernelsLimit() {
        // prologue 6 + "c *:* m" (type, 3 for the access, 2 to allow) + deny 2
        assertThat(DeviceProgram.compile(DeviceRule.parseAll(List.of("c *:* m")))).hasSize(8 * (6 + 6 + 2));
        List<String> many = new ArrayList<>(Collections.nCopies(600, "c 1:3 r"));
        assertThatThrownBy(() -> DeviceProgram.compile(DeviceRule.parseAll(many)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("600 device cgroup rules");
    }
}
