package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names between containers and the {@code /etc} files, read inside the containers: who
 * resolves whom, and what {@code /etc/hosts}, {@code /etc/hostname} and
 * {@code /etc/resolv.conf} hold in each network mode.
 */
class NetworkNamesTest extends RuntimeTestBase {

    private static NetworkInfo a;
    private static NetworkInfo b;

    @BeforeAll
    static void networks() {
        io.sixcontainer.testing.RootRequired.assumeTool("nft");
        a = runtime.createNetwork("names-a");
        b = runtime.createNetwork("names-b");
    }

    private static ContainerResult run(Network network, String script) {
        return runtime.run(spec("sh", "-c", script).network(network).build(), Duration.ofSeconds(30));
    }

    @Test
    void containersOfANetworkReachEachOtherByNameHostnameAndAliasAndThoseOfAnotherDoNot() throws Exception {
        try (Container db = runtime.launch(WebServer.spec(busybox, 80).name("db").hostname("dbhost")
                .networkAlias("primary").network(Network.bridge(a.name())).build())) {
            String dbIp = db.info().ipAddress();
            ContainerResult same = run(Network.bridge(a.name()), "for n in db dbhost primary; do"
                    + " timeout 5 wget -q -O- http://$n/ || echo failed-$n; done");
            assertThat(same.stdout().lines()).as(same.stderr()).containsExactly("dbhost", "dbhost", "dbhost");

            // busybox's wget crashes with -T: busybox's timeout bounds it instead.
            ContainerResult other = run(Network.bridge(b.name()), "timeout 3 wget -q -O- http://" + dbIp
                    + "/ || echo unreachable; grep -c -w -e db -e primary /etc/hosts");
            assertThat(other.stdout().lines()).containsExactly("unreachable", "0");
        }
    }

    @Test
    void aContainerStartedLaterIsFoundByNameAndForgottenWhenItEnds() throws Exception {
        try (Container client = runtime.launch(spec("sleep", "60").network(Network.bridge(a.name())).build())) {
            String lateIp;
            try (Container late = runtime.launch(WebServer.spec(busybox, 80).name("late")
                    .network(Network.bridge(a.name())).build())) {
                lateIp = late.info().ipAddress();
                WebServer.get(new java.net.InetSocketAddress(lateIp, 80), "/");
                ExecResult seen = client.execAndCollect(ExecSpec.of("sh", "-c",
                        "grep -w late /etc/hosts; timeout 5 wget -q -O- http://late/"), Duration.ofSeconds(10));
                assertThat(seen.stdout().lines()).as(seen.stderr()).containsExactly(lateIp + "\tlate "
                        + late.id().substring(0, 12), late.id().substring(0, 12));
            }
            // Its network is released in the background once it ended.
            ExecResult gone = client.execAndCollect(ExecSpec.of("sh", "-c", "for i in $(seq 100); do"
                    + " grep -q -w late /etc/hosts || break; sleep 0.05; done; grep -c -w late /etc/hosts"),
                    Duration.ofSeconds(10));
            assertThat(gone.stdout().strip()).isEqualTo("0");
        }
    }

    @Test
    void aContainerThatScribblesOverItsHostsFileHarmsNoPeer() throws Exception {
        try (Container vandal = runtime.launch(spec("sh", "-c", "printf '\\377\\376 not text' > /etc/hosts;"
                + " head -c 1048576 /dev/zero >> /etc/hosts; echo done; sleep 60").stdout(Stdio.pipe())
                .network(Network.bridge(a.name())).build())) {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(vandal.stdout())).readLine())
                    .isEqualTo("done");
            // Its peers are still written (after what we wrote, not after its bytes), and a peer launches.
            ContainerResult peer = runtime.run(spec("hostname").hostname("peer").network(Network.bridge(a.name()))
                    .build(), Duration.ofSeconds(30));
            assertThat(peer.stdout()).isEqualTo("peer\n");
            try (Container later = runtime.launch(spec("sleep", "60").name("later-peer")
                    .network(Network.bridge(a.name())).build())) {
                ExecResult hosts = vandal.execAndCollect(ExecSpec.of("grep", "-c", "later-peer", "/etc/hosts"),
                        Duration.ofSeconds(10));
                assertThat(hosts.stdout().strip()).isEqualTo("1");
            }
        }
    }

    @Test
    void aBridgedContainersEtcFilesNameItselfItsExtraHostsAndItsNameServers() {
        ContainerResult r = runtime.run(spec("sh", "-c", "cat /etc/hosts; echo ---; cat /etc/hostname; echo ---;"
                + " cat /etc/resolv.conf; echo ---; ip -4 -o addr show eth0").name("box").hostname("boxhost")
                .network(Network.bridge(a.name())).addHost("registry", "10.1.2.3").dns("10.0.0.53").build(),
                Duration.ofSeconds(30));
        String[] parts = r.stdout().split("---\n");
        String ip = parts[3].replaceAll("(?s).* inet ([0-9.]+)/.*", "$1");
        assertThat(parts[0].lines()).contains("127.0.0.1\tlocalhost", ip + "\tbox boxhost", "10.1.2.3\tregistry");
        assertThat(parts[1]).isEqualTo("boxhost\n");
        assertThat(parts[2].lines().filter(l -> l.startsWith("nameserver"))).containsExactly("nameserver 10.0.0.53");
    }

    @Test
    void withoutANetworkTheFilesStillNameTheContainerAndKeepOnlyTheHostsReachableNameServers() throws Exception {
        ContainerResult r = runtime.run(spec("sh", "-c", "cat /etc/hosts; echo ---; cat /etc/hostname; echo ---;"
                + " cat /etc/resolv.conf").hostname("solo").build(), Duration.ofSeconds(30));
        String[] parts = r.stdout().split("---\n", -1);
        assertThat(parts[0].lines()).contains("127.0.0.1\tlocalhost", "127.0.1.1\tsolo");
        assertThat(parts[1]).isEqualTo("solo\n");
        List<String> hostServers = Files.readAllLines(Path.of("/etc/resolv.conf")).stream().map(String::strip)
                .filter(l -> l.startsWith("nameserver") && !l.contains(" 127.") && !l.endsWith("::1")).toList();
        assertThat(parts[2].lines().filter(l -> l.startsWith("nameserver"))).containsExactlyElementsOf(hostServers);
    }

    @Test
    void onTheHostsNetworkItsHostsFileIsTheHosts() throws Exception {
        ContainerResult r = runtime.run(spec("cat", "/etc/hosts").network(Network.host())
                .namespaces(java.util.EnumSet.complementOf(java.util.EnumSet.of(Namespace.NET))).build(),
                Duration.ofSeconds(30));
        assertThat(r.stdout()).startsWith(Files.readString(Path.of("/etc/hosts")));
    }
}
