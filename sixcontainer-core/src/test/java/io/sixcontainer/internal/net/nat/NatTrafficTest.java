package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traffic really flows through the rules: servers in network namespaces behind a bridge of
 * the test's own, reached from this JVM through a published port, and a container's outbound
 * connection seen masqueraded by a server beyond the host. Only 10.214.N.0/24 and
 * 10.215.N.0/24 of the lab are ever addressed, and each test opens a handful of connections.
 */
class NatTrafficTest {

    private static final String ID = "c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
    private static final String OTHER_ID = "0123456789ab";

    @TempDir
    Path dir;

    private NetLab lab;
    private NatTable nat;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        RootRequired.assumeRoot();
        for (String tool : List.of("nft", "ip", "nsenter", "unshare")) {
            RootRequired.assumeTool(tool);
        }
        nat = new NatTable("sxt" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8));
        lab = NetLab.create(dir);
        lab.makeBridge();
        new HostSysctls().enableRouteLocalnet(lab.bridge());
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        try {
            if (lab != null) {
                lab.close();
            }
        } finally {
            if (nat != null) {
                nat.deleteTable();
                assertThat(KernelTable.read(nat.tableName()).exists()).isFalse();
            }
        }
    }

    @Test
    void aPublishedPortIsReachedFromLoopbackAndTheHostsOwnAddress() throws Exception {
        serverOnTheNetwork("hello from the container");
        int port = freeHostPort();
        nat.addPorts(ID, List.of(PortRule.tcp(port, ipv4(lab.bridged(2)), 80)));

        assertThat(NetLab.get("127.0.0.1", port, "/")).isEqualTo("hello from the container");
        // The loopback source became the bridge's address on the way in.
        assertThat(NetLab.get("127.0.0.1", port, "/cgi-bin/ip")).isEqualTo(lab.bridged(1));
        assertThat(NetLab.get(lab.bridged(1), port, "/")).isEqualTo("hello from the container");

        nat.removePorts(ID);
        assertThatThrownBy(() -> NetLab.get("127.0.0.1", port, "/")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aHostAddressLimitsThePortToThatAddress() throws Exception {
        serverOnTheNetwork("only at the gateway");
        int port = freeHostPort();
        nat.addPorts(ID, List.of(new PortRule(ipv4(lab.bridged(1)), port, ipv4(lab.bridged(2)), 80,
                PortRule.Transport.TCP)));

        assertThat(NetLab.get(lab.bridged(1), port, "/")).isEqualTo("only at the gateway");
        assertThatThrownBy(() -> NetLab.get("127.0.0.1", port, "/")).isInstanceOf(ConnectException.class);
    }

    @Test
    void outboundTrafficIsMasqueradedAsTheHostWhileTheNetworkHasItsRules() throws Exception {
        long container = lab.netns();
        lab.onBridge(container, 2);
        long beyond = lab.netns();
        lab.routedPeer(beyond);
        lab.httpd(beyond, lab.routed(2), "beyond the host");

        // The far side routes the bridged subnet back, so without our rules it answers the
        // container's own address: what it sees is what the rules did.
        assertThat(lab.getFrom(container, lab.routed(2), 80, "/cgi-bin/ip")).isEqualTo(lab.bridged(2));

        nat.addNetwork("labnet", lab.bridge(), lab.bridgedSubnet());
        assertThat(lab.getFrom(container, lab.routed(2), 80, "/cgi-bin/ip")).isEqualTo(lab.routed(1));

        nat.removeNetwork("labnet");
        assertThat(lab.getFrom(container, lab.routed(2), 80, "/cgi-bin/ip")).isEqualTo(lab.bridged(2));
    }

    @Test
    void aContainerReachesAPublishedPortOfAnotherContainerOnItsBridge() throws Exception {
        serverOnTheNetwork("hairpin");
        long client = lab.netns();
        lab.onBridge(client, 3);
        int port = freeHostPort();
        nat.addPorts(ID, List.of(PortRule.tcp(port, ipv4(lab.bridged(2)), 80)));
        nat.addPorts(OTHER_ID, List.of(PortRule.udp(port, ipv4(lab.bridged(3)), 53)));

        // Without the hairpin masquerade the server would answer 10.214.N.3 straight over the
        // bridge and the client, which spoke to the gateway, would drop the answer.
        assertThat(lab.getFrom(client, lab.bridged(1), port, "/cgi-bin/ip")).isEqualTo(lab.bridged(1));
    }

    /** A container at 10.214.N.2 serving {@code index} on port 80, on a network with its rules. */
    private void serverOnTheNetwork(String index) throws IOException, InterruptedException {
        long container = lab.netns();
        lab.onBridge(container, 2);
        lab.httpd(container, lab.bridged(2), index);
        nat.addNetwork("labnet", lab.bridge(), lab.bridgedSubnet());
    }

    private static Inet4Address ipv4(String dotted) throws IOException {
        return (Inet4Address) InetAddress.getByName(dotted);
    }

    /** A port no socket of the host uses now (the test's own rules then claim it). */
    private static int freeHostPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
