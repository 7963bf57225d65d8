package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.testing.LifecycleChild;
import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.WebServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a container held on its network (its host veth, its address lease, its nft rules, its
 * host port) is gone when it ends, however it ends; bad network input is refused naming the
 * value. Everything is checked on the host: {@code /sys/class/net}, {@code nft list table},
 * the lease files, a bind of the port.
 */
class NetworkCleanupTest extends RuntimeTestBase {

    private static NetworkInfo net;

    @BeforeAll
    static void network() {
        io.sixcontainer.testing.RootRequired.assumeTool("nft");
        net = runtime.createNetwork("cleanup-test");
    }

    private static String nftTable() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("nft", "list", "ruleset").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private static List<String> leases() throws IOException {
        try (var s = Files.list(root.resolve("networks").resolve(net.name()).resolve("leases"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    // A container's network is released in the background when it ends (ContainerRuntime.close waits for it).
    private static void assertNothingHeld(String id, int hostPort) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                assertNothingHeldNow(id, hostPort);
                return;
            } catch (AssertionError notYet) {
                Thread.sleep(50);
            }
        }
        assertNothingHeldNow(id, hostPort);
    }

    private static void assertNothingHeldNow(String id, int hostPort) throws Exception {
        assertThat(Path.of("/sys/class/net/sxv" + id.substring(0, 12))).as("its host veth").doesNotExist();
        assertThat(nftTable()).as("its nft rules").doesNotContain(id.substring(0, 12));
        assertThat(leases()).as("its address lease").isEmpty();
        assertThat(runtime.networks().getFirst().containers()).isEmpty();
        try (ServerSocket s = new ServerSocket(hostPort, 1, InetAddress.getByName("0.0.0.0"))) {
            assertThat(s.getLocalPort()).as("its host port is free").isEqualTo(hostPort);
        }
    }

    @Test
    void anEndedContainerLeavesNoVethLeaseRuleOrPort() throws Exception {
        String id;
        int port;
        try (Container c = runtime.launch(WebServer.spec(busybox, 80).network(Network.bridge(net.name()))
                .publish(PublishedPort.tcp(80)).build())) {
            id = c.id();
            port = c.endpoint(80).getPort();
            WebServer.get(c.endpoint(80), "/");
            assertThat(Path.of("/sys/class/net/sxv" + id.substring(0, 12))).exists();
            assertThat(nftTable()).contains("dport " + port);
            assertThat(leases()).hasSize(1);
        }
        assertNothingHeld(id, port);
    }

    @Test
    void aLaunchThatFailsAfterTheNetworkWasReservedLeavesNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // Containers of earlier tests may still be giving their addresses back (in the background).
        List<String> before = leases();
        assertThatThrownBy(() -> runtime.launch(spec("/no/such/command").network(Network.bridge(net.name()))
                .publish(new PublishedPort(null, port, 80, PublishedPort.Transport.TCP)).build()))
                .isInstanceOf(LaunchException.class).hasMessageContaining("/no/such/command");
        assertThat(leases()).as("the failed launch's address is given back at once").isSubsetOf(before);
        assertThat(nftTable()).doesNotContain("dport " + port);
        try (ServerSocket s = new ServerSocket(port)) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void whenItsNetworkCannotBeAttachedTheCommandNeverRuns(@org.junit.jupiter.api.io.TempDir Path vol)
            throws Exception {
        NetworkInfo broken = runtime.createNetwork("attach-fails");
        // A device of the bridge's name that is no bridge: enslaving the veth to it fails.
        Process ip = new ProcessBuilder("ip", "link", "add", broken.bridge(), "type", "veth", "peer", "name",
                broken.bridge() + "p").inheritIO().start();
        try {
            assertThat(ip.waitFor()).isZero();
            assertThatThrownBy(() -> runtime.launch(spec("touch", "/vol/ran").volume(Volume.bind(vol, "/vol"))
                    .network(Network.bridge(broken.name())).publish(PublishedPort.tcp(80)).build()))
                    .isInstanceOf(ContainerException.class);
            assertThat(vol.resolve("ran")).as("the command ran without its network").doesNotExist();
            assertThat(runtime.list()).isEmpty();
            assertThat(Files.list(root.resolve("networks").resolve(broken.name()).resolve("leases"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
            assertThat(HostLinks.ours()).as("no veth left").noneMatch(l -> l.startsWith("sxv"));
        } finally {
            new ProcessBuilder("ip", "link", "del", broken.bridge()).inheritIO().start().waitFor();
            runtime.removeNetwork(broken.name());
        }
    }

    @Test
    void aBridgeWhoseRulesWereLostGetsThemBackWithItsNextContainer() throws Exception {
        try (Container c = runtime.launch(spec("true").network(Network.bridge(net.name())).build())) {
            c.waitFor();
        }
        String table = nftTable().lines().filter(l -> l.startsWith("table ip sixc_")).findFirst().orElseThrow()
                .replace("table ip ", "").replace(" {", "").strip();
        // As a JVM killed between making the bridge and its rules, or an `nft flush ruleset`, leaves it.
        assertThat(new ProcessBuilder("nft", "delete", "table", "ip", table).inheritIO().start().waitFor()).isZero();
        try (ContainerRuntime other = ContainerRuntime.open(root)) {
            ContainerResult r = other.run(spec("true").network(Network.bridge(net.name())).build(),
                    java.time.Duration.ofSeconds(30));
            assertThat(r.status().success()).isTrue();
        }
        assertThat(nftTable()).contains("chain nat-" + net.name()).contains("chain fwd-" + net.name())
                .contains("chain lo-" + net.name());
    }

    @Test
    void whatAKilledJvmsContainerHeldIsTakenBackByTheNextOpen() throws Exception {
        Process jvm = ChildJvm.start(List.of("-Dsixc.test.network=" + net.name(), "-Dsixc.test.publish=80"),
                LifecycleChild.class, "attach", root.toString(), "victim", "sh", "-c", WebServer.script(80));
        String id;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("the child JVM reports its container").startsWith("id ");
            id = line.substring(3);
        }
        ContainerInfo info = runtime.get(id).orElseThrow().info();
        int port = info.ports().getFirst().hostPort();
        assertThat(nftTable()).contains("dport " + port);
        jvm.destroyForcibly();
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100 && runtime.get(id).orElseThrow().isRunning(); i++) {
            Thread.sleep(50);
        }
        // The kernel took the veth with the namespace and the port with the monitor; the rules
        // and the lease wait for the next open.
        try (ContainerRuntime next = ContainerRuntime.open(root)) {
            runtime.get(id).orElseThrow().remove(true);
            assertNothingHeld(id, port);
        }
    }

    @Test
    void aNetworkWithARunningContainerIsNotRemovedAndIsOnceItEnded() {
        NetworkInfo inUse = runtime.createNetwork("in-use");
        try (Container c = runtime.launch(spec("sleep", "60").network(Network.bridge(inUse.name()))
                .publish(PublishedPort.tcp(80)).build())) {
            assertThatThrownBy(() -> runtime.removeNetwork(inUse.name())).isInstanceOf(ContainerException.class)
                    .hasMessageContaining("network " + inUse.name() + " has container " + c.id().substring(0, 12));
        }
        // At once: the ended container's address is given back in the background, and waited for.
        runtime.removeNetwork(inUse.name());
        assertThat(runtime.networks()).extracting(NetworkInfo::name).containsExactly(net.name());
        assertThat(Path.of("/sys/class/net/" + inUse.bridge())).doesNotExist();
    }

    @Test
    void badNetworkInputIsRefusedNamingTheValueAndCreatesNothing() throws Exception {
        String hostRoute = Files.readAllLines(Path.of("/proc/net/route")).stream().skip(1)
                .map(l -> l.split("\\s+")).filter(w -> !w[1].equals("00000000")).findFirst()
                .map(w -> hex(w[1]) + "/24").orElse("127.0.0.0/8");
        assertThatThrownBy(() -> runtime.createNetwork("clash", hostRoute)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> runtime.createNetwork("clash", net.subnet())).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("overlaps network " + net.name());
        assertThatThrownBy(() -> runtime.createNetwork("bad", "10.300.0.0/24")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("10.300.0.0/24");
        assertThatThrownBy(() -> runtime.createNetwork("a/b")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("a/b");
        assertThatThrownBy(() -> PublishedPort.parse("70000")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> PublishedPort.parse("8080:0")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("container port 0");
        assertThatThrownBy(() -> spec("true").network(Network.bridge(net.name())).networkAlias("a/b").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("a/b");
        assertThatThrownBy(() -> runtime.launch(spec("true").network(Network.bridge("nope")).build()))
                .isInstanceOf(ContainerException.class).hasMessageContaining("no such network: nope");
        assertThat(runtime.networks()).extracting(NetworkInfo::name).containsExactly(net.name());
        assertThat(runtime.list()).isEmpty();
    }

    /** Our devices on the host now. */
    private static final class HostLinks {
        static java.util.Set<String> ours() {
            return io.sixcontainer.testing.HostSnapshot.readLinks();
        }
    }

    // /proc/net/route writes addresses as little-endian hex.
    private static String hex(String le) {
        long v = Long.parseLong(le, 16);
        return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
    }
}
