package io.sixcontainer.testing;

import io.sixcontainer.ContainerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Busybox httpd in a container: {@code /} answers the container's hostname and
 * {@code /cgi-bin/ip} the address the request came from, as the server saw it.
 */
public final class WebServer {

    private WebServer() {
    }

    /** The script a server container runs, on {@code port}. */
    public static String script(int port) {
        return "mkdir -p /www/cgi-bin && hostname > /www/index.html"
                + " && printf '#!/bin/sh\\necho Content-Type: text/plain\\necho\\necho $REMOTE_ADDR\\n' > /www/cgi-bin/ip"
                + " && chmod 755 /www/cgi-bin/ip && exec httpd -f -p " + port + " -h /www";
    }

    /** A spec of a server on {@code port} on the busybox rootfs, its web root a tmpfs. */
    public static ContainerSpec.Builder spec(Path busybox, int port) {
        return ContainerSpec.builder().rootfs(busybox).command("sh", "-c", script(port)).tmpfs("/www", "exec");
    }

    /**
     * GETs {@code path} at {@code at}, retrying while the server is not up yet (connection
     * refused), for at most 15 seconds.
     */
    public static String get(InetSocketAddress at, String path) throws IOException, InterruptedException {
        Instant end = Instant.now().plusSeconds(15);
        while (true) {
            try {
                return once(at, path);
            } catch (java.net.ConnectException e) {
                if (Instant.now().isAfter(end)) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** The address {@code /cgi-bin/ip} answered, without the IPv6 mapping httpd writes it in ({@code [::ffff:a.b.c.d]}). */
    public static String sourceAddress(String answer) {
        return answer.replaceAll("^\\[(::ffff:)?|\\]$", "");
    }

    // HTTP/1.0 over a plain socket: the module reads no java.net.http, and this is all httpd needs.
    private static String once(InetSocketAddress at, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(at, 2000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.") || !response.substring(9).startsWith("200")) {
                throw new IOException("http://" + at + path + ": " + response.lines().findFirst().orElse("no answer"));
            }
            int body = response.indexOf("\r\n\r\n");
            return response.substring(body + 4).strip();
        }
    }
}
