package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway network on this host for the traffic tests: network namespaces held open by a
 * {@code sleep} made with {@code unshare -n} (no {@code ip netns}, which leaves a bind mount
 * behind), a bridge and veths named {@code sxt*}, and busybox httpd servers in the namespaces.
 * Its addresses are {@code 10.214.N.0/24} and {@code 10.215.N.0/24} for one {@code N} that no
 * host route or address uses. {@link #close()} ends every process and deletes every link it
 * made, whatever failed before.
 */
final class NetLab {

    private static final String BUSYBOX = "/bin/busybox";

    /** The third octet of both subnets. */
    final int octet;
    private final String tag;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private int vethCount;

    private NetLab(int octet, String tag, Path dir) {
        this.octet = octet;
        this.tag = tag;
        this.dir = dir;
    }

    /** A lab with fresh names and subnets that nothing on the host routes; files go under {@code dir}. */
    static NetLab create(Path dir) throws IOException, InterruptedException {
        String routes = Shell.run("ip", "-4", "route", "show", "table", "all") + Shell.run("ip", "-4", "addr");
        for (int attempt = 0; attempt < 50; attempt++) {
            int octet = ThreadLocalRandom.current().nextInt(1, 255);
            if (!routes.contains("10.214." + octet + ".") && !routes.contains("10.215." + octet + ".")
                    && !routes.contains("10.214.0.0/16") && !routes.contains("10.215.0.0/16")) {
                return new NetLab(octet, String.format(Locale.ROOT, "%06x",
                        ThreadLocalRandom.current().nextInt(1 << 24)), dir);
            }
        }
        fail("no free 10.214.N.0/24 and 10.215.N.0/24 on this host:\n" + routes);
        throw new AssertionError();
    }

    /** An address of the bridged subnet: {@code 10.214.N.host}. */
    String bridged(int host) {
        return "10.214." + octet + "." + host;
    }

    /** An address of the routed subnet: {@code 10.215.N.host}. */
    String routed(int host) {
        return "10.215." + octet + "." + host;
    }

    /** The bridged subnet in CIDR form. */
    String bridgedSubnet() {
        return bridged(0) + "/24";
    }

    /** The bridge's name. */
    String bridge() {
        return "sxtb" + tag;
    }

    /** A new network namespace; returns the pid of the process holding it. */
    long netns() throws IOException {
        Process holder = start(List.of("unshare", "-n", BUSYBOX, "sleep", "300"), "holder");
        return holder.pid();
    }

    /** Makes the bridge with {@code 10.214.N.1/24}, forwarding on it (not on the whole host). */
    void makeBridge() throws IOException, InterruptedException {
        links.add(bridge());
        Shell.run("ip", "link", "add", bridge(), "type", "bridge");
        Shell.run("ip", "addr", "add", bridged(1) + "/24", "dev", bridge());
        Shell.run("ip", "link", "set", bridge(), "up");
        forwarding(bridge());
    }

    /** Puts netns {@code pid} on the bridge as {@code 10.214.N.host}, its default route via the bridge. */
    void onBridge(long pid, int host) throws IOException, InterruptedException {
        String veth = veth(pid);
        Shell.run("ip", "link", "set", veth, "master", bridge(), "up");
        inside(pid, bridged(host) + "/24", bridged(1), null);
    }

    /**
     * Links netns {@code pid} to the host by a veth of its own as {@code 10.215.N.2}, the host
     * end {@code 10.215.N.1}; the netns routes the bridged subnet back via the host, so it can
     * answer a container whose address was not masqueraded.
     */
    void routedPeer(long pid) throws IOException, InterruptedException {
        String veth = veth(pid);
        Shell.run("ip", "addr", "add", routed(1) + "/24", "dev", veth);
        Shell.run("ip", "link", "set", veth, "up");
        forwarding(veth);
        inside(pid, routed(2) + "/24", null, bridgedSubnet());
    }

    /**
     * Serves {@code docroot} with busybox httpd on {@code address:80} inside netns {@code pid};
     * {@code /cgi-bin/ip} answers the client address it sees. Returns once it listens.
     */
    void httpd(long pid, String address, String index) throws IOException, InterruptedException {
        Path docroot = Files.createDirectories(dir.resolve("www-" + pid));
        Files.writeString(docroot.resolve("index.html"), index);
        Path cgi = Files.createDirectories(docroot.resolve("cgi-bin")).resolve("ip");
        Files.writeString(cgi, "#!/bin/sh\necho 'Content-Type: text/plain'\necho\necho \"$REMOTE_ADDR\"\n");
        Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process server = start(List.of("nsenter", "-t", Long.toString(pid), "-n", BUSYBOX, "httpd", "-f", "-p",
                address + ":80", "-h", docroot.toString()), "httpd-" + pid);
        // /proc/<pid>/net is the server's own namespace: wait for its listening socket there.
        for (int i = 0; i < 100; i++) {
            if (!server.isAlive()) {
                fail("httpd in netns " + pid + " exited: " + Files.readString(dir.resolve("httpd-" + pid + ".log")));
            }
            if (Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "net/tcp")).stream()
                    .anyMatch(l -> l.contains(":0050 00000000:0000 0A"))) {
                return;
            }
            Thread.sleep(50);
        }
        fail("httpd in netns " + pid + " does not listen after 5 s");
    }

    /** GETs {@code path} from {@code host:port} inside netns {@code pid} (busybox nc); the body, or null if none came. */
    String getFrom(long pid, String host, int port, String path) throws IOException, InterruptedException {
        Shell.Result r = Shell.exec("GET " + path + " HTTP/1.0\r\n\r\n", "nsenter", "-t", Long.toString(pid), "-n",
                BUSYBOX, "nc", "-w", "3", host, Integer.toString(port));
        return body(r.output());
    }

    /** GETs {@code path} from {@code host:port} in this JVM; the body, or null if none came. */
    static String get(String host, int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String body(String response) {
        // httpd ends its own headers with CRLF, a CGI script's with bare LF.
        String[] parts = response.split("\r?\n\r?\n", 2);
        return response.startsWith("HTTP/1.") && parts.length == 2 ? parts[1].strip() : null;
    }

    private String veth(long pid) throws IOException, InterruptedException {
        String veth = "sxtv" + tag + vethCount++;
        links.add(veth);
        Shell.run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", Long.toString(pid));
        return veth;
    }

    private void inside(long pid, String cidr, String gateway, String routeBack)
            throws IOException, InterruptedException {
        String ns = Long.toString(pid);
        Shell.run("nsenter", "-t", ns, "-n", "ip", "link", "set", "lo", "up");
        Shell.run("nsenter", "-t", ns, "-n", "ip", "addr", "add", cidr, "dev", "eth0");
        Shell.run("nsenter", "-t", ns, "-n", "ip", "link", "set", "eth0", "up");
        if (gateway != null) {
            Shell.run("nsenter", "-t", ns, "-n", "ip", "route", "add", "default", "via", gateway);
        }
        if (routeBack != null) {
            Shell.run("nsenter", "-t", ns, "-n", "ip", "route", "add", routeBack, "via", routed(1));
        }
    }

    // Per interface, so the test never turns the whole host into a router; the interfaces go
    // with the lab.
    private static void forwarding(String link) throws IOException {
        Files.writeString(Path.of("/proc/sys/net/ipv4/conf", link, "forwarding"), "1\n");
    }

    private Process start(List<String> argv, String name) throws IOException {
        // No pipes: the output goes to a file, so nothing of these processes stays open in the JVM.
        Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                .redirectOutput(dir.resolve(name + ".log").toFile()).redirectErrorStream(true).start();
        processes.add(p);
        return p;
    }

    /** Ends every process (so the namespaces go) and deletes every link this lab made. */
    void close() throws IOException, InterruptedException {
        for (Process p : processes.reversed()) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                fail("process " + p.pid() + " did not end within 10 s of SIGKILL");
            }
        }
        List<String> left = new ArrayList<>();
        for (String link : links) {
            // A veth goes with its namespace, but the kernel may not have got to it yet.
            if (Files.exists(Path.of("/sys/class/net", link))) {
                Shell.Result r = Shell.exec(null, "ip", "link", "del", link);
                if (r.code() != 0 && Files.exists(Path.of("/sys/class/net", link))) {
                    left.add(link + ": " + r.output());
                }
            }
        }
        if (!left.isEmpty()) {
            fail("links left behind: " + left);
        }
    }
}
