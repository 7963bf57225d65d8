package io.sixcontainer.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code sixc network}, {@code run -p}, {@code --network-alias}, {@code port} and {@code ps}'s ports, as a user runs them. */
class NetworkCommandsTest extends SixcProcessTest {

    private static final String SERVER = "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www";

    @Test
    void runUsesTheDefaultBridgeAndPublishesAPortThatPortAndPsShow() throws Exception {
        CliProcess.Result ip = sixc("run", "busybox", "sh", "-c", "ip -4 -o addr show eth0 | wc -l");
        assertThat(ip.stdout().strip()).as(ip.stderr()).isEqualTo("1");

        CliProcess.Result run = sixc("run", "-d", "--name", "web", "--hostname", "webhost", "-p", "127.0.0.1::80",
                "--tmpfs", "/www", "busybox", "sh", "-c", SERVER);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        try {
            CliProcess.Result port = sixc("port", "web", "80");
            assertThat(port.stdout()).matches("127\\.0\\.0\\.1:\\d+\n");
            int hostPort = Integer.parseInt(port.stdout().strip().substring("127.0.0.1:".length()));
            assertThat(get(new InetSocketAddress("127.0.0.1", hostPort))).isEqualTo("webhost");
            assertThat(sixc("port", "web").stdout()).isEqualTo("80/tcp -> 127.0.0.1:" + hostPort + "\n");
            assertThat(sixc("ps").stdout()).contains("127.0.0.1:" + hostPort + "->80/tcp");
            CliProcess.Result notPublished = sixc("port", "web", "81");
            assertThat(notPublished.exitCode()).isEqualTo(125);
            assertThat(notPublished.stderr()).startsWith("sixc: no public port '81'");
        } finally {
            sixc("rm", "-f", "web");
        }
    }

    @Test
    void aUserNetworkIsMadeListedInspectedUsedByAliasAndRemoved() {
        assertThat(sixc("network", "create", "--subnet", "10.87.3.0/24", "cli-net").stdout()).isEqualTo("cli-net\n");
        CliProcess.Result dup = sixc("network", "create", "cli-net");
        assertThat(dup.exitCode()).isEqualTo(125);
        assertThat(dup.stderr()).startsWith("sixc: network cli-net exists already");
        assertThat(sixc("network", "ls").stdout()).contains("cli-net", "10.87.3.0/24", "10.87.3.1");
        assertThat(sixc("network", "inspect", "cli-net").stdout()).contains("\"subnet\" : \"10.87.3.0/24\"");

        assertThat(sixc("run", "-d", "--name", "db", "--network", "cli-net", "--network-alias", "primary",
                "--tmpfs", "/www", "busybox", "sh", "-c", SERVER).exitCode()).isZero();
        try {
            CliProcess.Result client = sixc("run", "--network", "cli-net", "--add-host", "extra:10.87.3.250",
                    "busybox", "sh", "-c", "timeout 5 wget -q -O- http://primary/; grep extra /etc/hosts");
            assertThat(client.stdout().lines()).as(client.stderr()).hasSize(2).last().asString()
                    .isEqualTo("10.87.3.250\textra");
            CliProcess.Result inUse = sixc("network", "rm", "cli-net");
            assertThat(inUse.exitCode()).isEqualTo(125);
            assertThat(inUse.stderr()).contains("network cli-net has container");
        } finally {
            sixc("rm", "-f", "db");
        }
        assertThat(sixc("network", "rm", "cli-net").stdout()).isEqualTo("cli-net\n");
        assertThat(sixc("network", "ls", "-q").stdout()).doesNotContain("cli-net");
        CliProcess.Result badSubnet = sixc("network", "create", "--subnet", "10.87.0.0/33", "x");
        assertThat(badSubnet.exitCode()).isEqualTo(125);
        assertThat(badSubnet.stderr().lines()).hasSize(1).first().asString().contains("10.87.0.0/33");
    }

    @Test
    void publishAllPublishesThePortsTheImageExposes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        if (!new java.io.File("/usr/bin/umoci").canExecute()) {
            // .ci/run installs it: in CI a skip would hide the test.
            org.junit.jupiter.api.Assertions.assertNotEquals("true", System.getenv("CI"), "umoci is not installed");
            org.junit.jupiter.api.Assumptions.abort("umoci (Debian package umoci) is not installed");
        }
        java.nio.file.Path layout = dir.resolve("web");
        assertThat(sixc("export", "--format", "oci", "-o", layout.toString(), "busybox").exitCode()).isZero();
        String index = java.nio.file.Files.readString(layout.resolve("index.json"));
        String tag = index.replaceAll("(?s).*\"org.opencontainers.image.ref.name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Process umoci = new ProcessBuilder("umoci", "config", "--image", layout + ":" + tag,
                "--config.exposedports", "80/tcp").inheritIO().start();
        assertThat(umoci.waitFor()).isZero();
        assertThat(sixc("import", layout.toString(), "exposing:1").exitCode()).isZero();
        assertThat(sixc("inspect", "exposing:1").stdout()).contains("\"80/tcp\"");

        assertThat(sixc("run", "-d", "--name", "all", "--hostname", "allhost", "-P", "--tmpfs", "/www", "exposing:1",
                "sh", "-c", SERVER).exitCode()).isZero();
        try {
            CliProcess.Result port = sixc("port", "all", "80/tcp");
            assertThat(port.stdout()).as(port.stderr()).matches("0\\.0\\.0\\.0:\\d+\n");
            int hostPort = Integer.parseInt(port.stdout().strip().substring("0.0.0.0:".length()));
            assertThat(get(new InetSocketAddress("127.0.0.1", hostPort))).isEqualTo("allhost");
        } finally {
            sixc("rm", "-f", "all");
            sixc("rmi", "exposing:1");
        }
    }

    // HTTP/1.0 over a plain socket, as far as busybox httpd needs; retried until the server is up.
    private static String get(InetSocketAddress at) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(at, 2000);
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                String r = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return r.substring(r.indexOf("\r\n\r\n") + 4).strip();
            } catch (java.net.ConnectException e) {
                if (attempt > 200) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
