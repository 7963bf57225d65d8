package io.sixcontainer.testing.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the client and a {@link LocalRegistry} on its own 127.0.0.1 port, passing
 * requests on, and breaks what a test asks: blob downloads cut after some bytes (the client
 * must resume with a Range request), or the body of one path replaced (a blob that does not
 * match its digest, a manifest of garbage or of 10 MiB; a null body ends that), or blobs that trickle. It records every request line and
 * Range header it saw.
 */
public final class RegistryProxy implements AutoCloseable {

    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Accept", "Range");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Docker-Content-Digest",
            "Content-Range", "WWW-Authenticate", "Location", "Accept-Ranges");

    private final HttpServer server;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private volatile long cutAfter;
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    private final Map<String, String> replacedTypes = new ConcurrentHashMap<>();
    private volatile int slowChunk;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    public RegistryProxy(LocalRegistry registry) throws IOException {
        upstream = "http://" + registry.host();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        server.createContext("/", this::pass);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "registry-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** {@code 127.0.0.1:PORT} of the proxy. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} blob downloads end (connection closed) after {@code afterBytes} bytes of body. */
    public void cutBlobs(int times, long afterBytes) {
        cutAfter = afterBytes;
        cutsLeft.set(times);
    }

    /**
     * Requests whose path ends with {@code pathSuffix} get {@code body} (200, of
     * {@code contentType}) instead of the registry's answer.
     */
    public void replace(String pathSuffix, byte[] body, String contentType) {
        if (body == null) {
            replaced.remove(pathSuffix);
            replacedTypes.remove(pathSuffix);
            return;
        }
        replaced.put(pathSuffix, body);
        replacedTypes.put(pathSuffix, contentType);
    }

    /** Blob bodies trickle: {@code chunk} bytes every 100 ms (0: full speed). */
    public void slowBlobs(int chunk) {
        slowChunk = chunk;
    }

    /** {@code METHOD PATH [Range: ..]} of every request, in order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    private void pass(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath();
            String range = x.getRequestHeaders().getFirst("Range");
            seen.add(x.getRequestMethod() + " " + path + (range == null ? "" : " Range: " + range));
            for (Map.Entry<String, byte[]> r : replaced.entrySet()) {
                if (path.endsWith(r.getKey())) {
                    x.getResponseHeaders().add("Content-Type", replacedTypes.get(r.getKey()));
                    x.sendResponseHeaders(200, r.getValue().length);
                    x.getResponseBody().write(r.getValue());
                    return;
                }
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + x.getRequestURI()))
                    .method(x.getRequestMethod(), HttpRequest.BodyPublishers.ofInputStream(x::getRequestBody));
            for (String h : REQUEST_HEADERS) {
                String v = x.getRequestHeaders().getFirst(h);
                if (v != null) {
                    b.header(h, v);
                }
            }
            HttpResponse<InputStream> up = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            for (String h : RESPONSE_HEADERS) {
                up.headers().firstValue(h).ifPresent(v -> x.getResponseHeaders().add(h, v));
            }
            long length = up.headers().firstValueAsLong("Content-Length").orElse(0);
            boolean head = x.getRequestMethod().equals("HEAD");
            x.sendResponseHeaders(up.statusCode(), head || length == 0 ? -1 : length);
            try (InputStream in = up.body(); OutputStream out = x.getResponseBody()) {
                if (head) {
                    return;
                }
                if (path.contains("/blobs/") && up.statusCode() / 100 == 2 && cutsLeft.getAndDecrement() > 0) {
                    out.write(in.readNBytes((int) cutAfter));
                    out.flush();
                    // Short of Content-Length: the server closes the connection, as a dropped one would be.
                    return;
                }
                if (path.contains("/blobs/") && slowChunk > 0) {
                    byte[] chunk;
                    while ((chunk = in.readNBytes(slowChunk)).length > 0) {
                        out.write(chunk);
                        out.flush();
                        Thread.sleep(100);
                    }
                    return;
                }
                in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
