package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Published ports, reached by real clients: this JVM's HTTP client at 127.0.0.1 and at the
 * bridge's (the host's own) address, and a container of the same network. Every answer comes
 * from busybox httpd inside a container: its hostname, or the source address it saw.
 */
class NetworkPublishTest extends RuntimeTestBase {

    private static NetworkInfo net;

    @BeforeAll
    static void network() {
        io.sixcontainer.testing.RootRequired.assumeTool("nft");
        net = runtime.createNetwork("publish-test");
    }

    private static ContainerSpec.Builder server(String hostname) {
        return WebServer.spec(busybox, 80).hostname(hostname).network(Network.bridge(net.name()))
                .publish(PublishedPort.tcp(80));
    }

    @Test
    void anHttpServerInAContainerAnswersAtItsEndpoint() throws Exception {
        try (Container c = runtime.launch(server("web-1").build())) {
            InetSocketAddress at = c.endpoint(80);
            assertThat(at.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(at.getPort()).isPositive();
            assertThat(WebServer.get(at, "/")).isEqualTo("web-1");

            ContainerInfo info = c.info();
            assertThat(info.network()).isEqualTo("publish-test");
            assertThat(info.ports()).singleElement().satisfies(p -> {
                assertThat(p.containerPort()).isEqualTo(80);
                assertThat(p.hostPort()).isEqualTo(at.getPort());
            });
            // What the container itself has: its address on eth0 and the default route via the bridge.
            ExecResult ip = c.execAndCollect(ExecSpec.of("sh", "-c", "ip -4 -o addr show eth0; ip route"),
                    Duration.ofSeconds(10));
            assertThat(ip.stdout()).contains("inet " + info.ipAddress() + "/24")
                    .contains("default via " + net.gateway() + " dev eth0");
            // The bridge's address is one of the host's own: the port is published there too.
            InetSocketAddress viaBridge = new InetSocketAddress(InetAddress.getByName(net.gateway()), at.getPort());
            assertThat(WebServer.get(viaBridge, "/")).isEqualTo("web-1");
        }
    }

    @Test
    void theSocketsThatHoldItsPortsNeverReachTheContainer() {
        // They are bound in the host's namespace: one in the container could listen there.
        ContainerResult r = runtime.run(spec("sh", "-c", "ls /proc/self/fd | xargs; readlink /proc/1/fd/* | grep -c socket")
                .network(Network.bridge(net.name())).publish(PublishedPort.tcp(80)).publish(PublishedPort.parse("53/udp"))
                .build(), Duration.ofSeconds(30));
        assertThat(r.stdout().lines()).containsExactly("0 1 2 3", "0");
    }

    @Test
    void sixContainersPublishPort80AtOnceEachAtAPortOfItsOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Container>> launched = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String host = "par-" + i;
            launched.add(pool.submit(() -> runtime.launch(server(host).build())));
        }
        List<Container> containers = new ArrayList<>();
        try {
            for (Future<Container> f : launched) {
                containers.add(f.get());
            }
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                InetSocketAddress at = containers.get(i).endpoint(80);
                ports.add(at.getPort());
                assertThat(WebServer.get(at, "/")).isEqualTo("par-" + i);
            }
            assertThat(ports).doesNotHaveDuplicates();
            assertThat(containers.stream().map(c -> c.info().ipAddress()).distinct()).hasSize(6);
        } finally {
            pool.shutdown();
            containers.forEach(Container::close);
        }
    }

    @Test
    void aContainerReachesAPublishedPortOfAnotherAndSeesItsOwnAddressAsTheSource() throws Exception {
        try (Container web = runtime.launch(server("web-2").build())) {
            int hostPort = web.endpoint(80).getPort();
            WebServer.get(web.endpoint(80), "/");
            // busybox's wget crashes with -T: busybox's timeout bounds it instead.
            ContainerResult r = runtime.run(spec("sh", "-c", "timeout 5 wget -q -O- http://" + net.gateway() + ":" + hostPort
                    + "/; timeout 5 wget -q -O- http://" + web.info().ipAddress() + "/cgi-bin/ip; ip -4 -o addr show eth0")
                    .network(Network.bridge(net.name())).build(), Duration.ofSeconds(30));
            List<String> lines = r.stdout().lines().toList();
            assertThat(lines).as(r.stderr()).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("web-2");
            String clientIp = lines.get(2).replaceAll(".* inet ([0-9.]+)/.*", "$1");
            assertThat(WebServer.sourceAddress(lines.get(1))).isEqualTo(clientIp);
        }
    }

    @Test
    void aContainerReachesItsOwnPublishedPortThroughTheHost() throws Exception {
        try (Container web = runtime.launch(server("self").build())) {
            int hostPort = web.endpoint(80).getPort();
            WebServer.get(web.endpoint(80), "/");
            assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("/sys/class/net/sxv"
                    + web.id().substring(0, 12) + "/brport/hairpin_mode")).strip()).isEqualTo("1");
            ExecResult r = web.execAndCollect(ExecSpec.of("sh", "-c", "timeout 5 wget -q -O- http://" + net.gateway()
                    + ":" + hostPort + "/"), Duration.ofSeconds(10));
            assertThat(r.stdout().strip()).as(r.stderr()).isEqualTo("self");
        }
    }

    @Test
    void aFixedHostPortOnLoopbackIsPublishedAndASecondClaimOfItIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (Container c = runtime.launch(WebServer.spec(busybox, 8080).hostname("fixed")
                .network(Network.bridge(net.name())).publish(new PublishedPort(lo, port, 8080,
                        PublishedPort.Transport.TCP)).build())) {
            assertThat(c.endpoint(8080)).isEqualTo(new InetSocketAddress(lo, port));
            assertThat(WebServer.get(c.endpoint(8080), "/")).isEqualTo("fixed");
            List<String> before = runtime.networks().stream().filter(n -> n.name().equals(net.name())).findFirst()
                    .orElseThrow().containers();

            assertThatThrownBy(() -> runtime.launch(server("second").publish(PublishedPort.parse("127.0.0.1:" + port
                    + ":80")).build()))
                    .isInstanceOf(ContainerException.class)
                    .hasMessageContaining("host port " + port + " is already in use");
            assertThat(runtime.networks().stream().filter(n -> n.name().equals(net.name())).findFirst()
                    .orElseThrow().containers()).as("the refused launch holds no address (containers of earlier"
                    + " tests may still be giving theirs back)").isSubsetOf(before).contains(c.id());
            assertThatThrownBy(() -> new ServerSocket(port, 1, lo)).as("the port stays reserved for the container")
                    .isInstanceOf(java.net.BindException.class);
        }
        try (ServerSocket again = new ServerSocket(port, 1, lo)) {
            assertThat(again.getLocalPort()).as("free again once the container is gone").isEqualTo(port);
        }
    }
}
