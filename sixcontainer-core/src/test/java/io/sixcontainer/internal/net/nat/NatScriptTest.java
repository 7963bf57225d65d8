package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of the transactions; the kernel side is NatTableTest's. No root needed. */
class NatScriptTest {

    @Test
    void aDnatRuleNamesTheHostAddressOnlyWhenThereIsOne() throws Exception {
        Inet4Address c = (Inet4Address) InetAddress.getByName("10.214.0.2");
        Inet4Address host = (Inet4Address) InetAddress.getByName("192.0.2.2");
        assertThat(NatScript.dnat(PortRule.tcp(8080, c, 80))).isEqualTo("tcp dport 8080 dnat to 10.214.0.2:80");
        assertThat(NatScript.dnat(new PortRule(host, 53, c, 5353, PortRule.Transport.UDP)))
                .isEqualTo("ip daddr 192.0.2.2 udp dport 53 dnat to 10.214.0.2:5353");
    }

    @Test
    void interfaceNamesAreQuotedSoAKeywordStaysAName() {
        assertThat(NatScript.forward("ip")).allMatch(rule -> rule.contains("\"ip\""));
        assertThat(NatScript.masquerade("tcp", "10.214.0.0/24")).allMatch(rule -> rule.contains("\"tcp\""));
    }

    @Test
    void anOwnedChainIsReplacedAndEnteredByOneFreshJump() {
        String script = new NatScript("t").ownedChain("ctr-0123456789ab", List.of("tcp dport 1 dnat to 10.214.0.2:1"),
                "published", "sixc:ctr:0123456789ab",
                List.of(new TableListing.Jump("published", 7, "ctr-0123456789ab", null))).toString();
        assertThat(script.lines()).containsExactly(
                "delete rule ip t published handle 7",
                "add chain ip t ctr-0123456789ab",
                "flush chain ip t ctr-0123456789ab",
                "add rule ip t ctr-0123456789ab tcp dport 1 dnat to 10.214.0.2:1",
                "add rule ip t published jump ctr-0123456789ab comment \"sixc:ctr:0123456789ab\"");
    }

    @Test
    void aListedChainNftCouldMisreadIsNeverWrittenBack() {
        NatScript script = new NatScript("t");
        assertThatIllegalStateException().isThrownBy(() -> script.dropChain("ctr-0123456789ab", true,
                List.of(new TableListing.Jump("x; flush ruleset", 3, "ctr-0123456789ab", null))))
                .withMessageContaining("x; flush ruleset");
    }

    @Test
    void removingWhatIsNotThereIsAnEmptyScript() {
        assertThat(new NatScript("t").dropChain("ctr-0123456789ab", false, List.of()).isEmpty()).isTrue();
    }
}
