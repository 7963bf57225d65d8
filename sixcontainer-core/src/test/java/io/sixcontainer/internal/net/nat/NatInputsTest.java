package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Nothing that could change the meaning of an nft script gets into one. No root needed. */
class NatInputsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCDEF012345", "0123456789a", "0123456789ab\n", "0123456789ab; flush ruleset",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"})
    void badContainerIdsAreRefusedByName(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> NatInputs.containerId(id))
                .withMessageContaining("container id").withMessageContaining(id.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "br0\"", "br0 accept", "br0;", "a234567890123456", ".", "..", "br{0}", "br0\n"})
    void badInterfaceNamesAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> NatInputs.interfaceName(name))
                .withMessageContaining("interface name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-net", ".net", "my net", "net\"", "net;flush ruleset", "n/et"})
    void badNetworkNamesAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> NatInputs.networkName(name))
                .withMessageContaining("network name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.214.0.0", "10.214.0.0/33", "10.214.0.0/24 accept", "10.214.0/24", "010.214.0.0/24",
        "10.214.0.256/24", "10.214.0.1/24", "::1/128", "10.214.0.0/-1"})
    void badSubnetsAreRefusedByValue(String cidr) {
        assertThatIllegalArgumentException().isThrownBy(() -> NatInputs.subnet(cidr))
                .withMessageContaining("'" + cidr + "'");
    }

    @Test
    void aGatewayAddressIsNotTakenForItsNetwork() {
        assertThatIllegalArgumentException().isThrownBy(() -> NatInputs.subnet("10.214.3.1/24"))
                .withMessageContaining("10.214.3.0/24");
        assertThat(NatInputs.subnet("10.214.3.0/24")).isEqualTo("10.214.3.0/24");
        assertThat(NatInputs.subnet("0.0.0.0/0")).isEqualTo("0.0.0.0/0");
        assertThat(NatInputs.subnet("10.214.3.7/32")).isEqualTo("10.214.3.7/32");
    }

    @Test
    void goodValuesPass() {
        assertThat(NatInputs.containerId("0123456789ab")).isEqualTo("0123456789ab");
        assertThat(NatInputs.interfaceName("sxc-br.0_1")).isEqualTo("sxc-br.0_1");
        assertThat(NatInputs.networkName("bridge")).isEqualTo("bridge");
        assertThat(NatInputs.tableName("sixcontainer")).isEqualTo("sixcontainer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1table", "six container", "t;", "a2345678901234567890123456789012x"})
    void badTableNamesAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new NatTable(name)).withMessageContaining("table name");
    }

    @Test
    void portRulesCheckTheirPortsAndTakeTheAnyAddressForEveryAddress() throws Exception {
        Inet4Address c = (Inet4Address) InetAddress.getByName("10.214.0.2");
        Inet4Address any = (Inet4Address) InetAddress.getByName("0.0.0.0");
        assertThat(new PortRule(any, 80, c, 80, PortRule.Transport.TCP).hostIp()).isNull();
        for (List<Integer> ports : List.of(List.of(0, 80), List.of(65536, 80), List.of(80, 0), List.of(80, -1))) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PortRule(null, ports.get(0), c, ports.get(1), PortRule.Transport.TCP))
                    .withMessageContaining("port");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> PortRule.tcp(80, any, 80))
                .withMessageContaining("container address");
    }
}
