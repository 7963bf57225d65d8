package io.sixcontainer.testing.registry;

import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real registry (Debian's {@code docker-registry}, the CNCF distribution) serving on
 * 127.0.0.1 from a scratch directory: anonymous, with htpasswd Basic auth, or with token auth
 * from a {@link TokenServer}. Images reach it with skopeo, as a user would push them.
 */
public final class LocalRegistry implements AutoCloseable {

    /** The user and password of the authenticated modes. */
    public static final String USER = "tester";
    public static final String PASSWORD = "s3cret:with-colon";

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalRegistry(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** An anonymous registry. */
    public static LocalRegistry anonymous(Path dir) {
        return start(dir, "");
    }

    /** A registry answering 401 without {@link #USER}/{@link #PASSWORD} (Basic). */
    public static LocalRegistry htpasswd(Path dir) {
        RootRequired.assumeTool("htpasswd");
        Path file = dir.resolve("htpasswd");
        String line = run(List.of("htpasswd", "-Bbn", USER, PASSWORD)).strip();
        write(file, line + "\n");
        return start(dir, "auth:\n  htpasswd:\n    realm: sixcontainer-test\n    path: " + file + "\n");
    }

    /** A registry that takes only Bearer tokens of {@code tokens}. */
    public static LocalRegistry token(Path dir, TokenServer tokens) {
        return start(dir, "auth:\n  token:\n    realm: " + tokens.realm() + "\n    service: " + TokenServer.SERVICE
                + "\n    issuer: " + TokenServer.ISSUER + "\n    rootcertbundle: " + tokens.certificate() + "\n");
    }

    private static LocalRegistry start(Path dir, String auth) {
        RootRequired.assumeTool("docker-registry");
        RootRequired.assumeTool("skopeo");
        int port = freePort();
        Path storage = dir.resolve("storage");
        Path config = dir.resolve("config.yml");
        write(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: " + storage
                + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n" + auth);
        try {
            Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            LocalRegistry r = new LocalRegistry(dir, port, p);
            r.awaitUp();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of references to it. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Pushes the image (or, with {@code all}, the whole index) tagged {@code tag} in the layout
     * {@code layout} to {@code repoAndTag} here, with skopeo.
     *
     * @param format null to keep the manifests as they are, {@code v2s2} to convert to docker's
     */
    public void push(Path layout, String tag, String repoAndTag, boolean all, String format, boolean withCredentials) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "-q", "--dest-tls-verify=false"));
        if (all) {
            cmd.add("--all");
        }
        if (format != null) {
            cmd.addAll(List.of("--format", format));
        }
        if (withCredentials) {
            cmd.addAll(List.of("--dest-creds", USER + ":" + PASSWORD));
        }
        cmd.addAll(List.of("oci:" + layout + ":" + tag, "docker://" + host() + "/" + repoAndTag));
        run(cmd);
    }

    /** {@link #push(Path, String, String, boolean, String, boolean)} of one image, anonymously, as it is. */
    public void push(Path layout, String tag, String repoAndTag) {
        push(layout, tag, repoAndTag, false, null, false);
    }

    /**
     * Uploads the image {@code written} (from the layout {@code layout}) as {@code repo:tag}
     * over the distribution API, byte for byte: skopeo would compress an uncompressed layer.
     * Anonymous registries only.
     */
    public void upload(Path layout, OciImage.Written written, String repo, String tag) {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            List<OciImage.Blob> blobs = new ArrayList<>(written.layers());
            blobs.add(written.config());
            for (OciImage.Blob b : blobs) {
                var start = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/" + repo
                        + "/blobs/uploads/")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                String location = start.headers().firstValue("Location").orElseThrow();
                URI put = URI.create("http://" + host() + "/").resolve(location);
                String sep = put.getRawQuery() == null ? "?" : "&";
                expect(http.send(java.net.http.HttpRequest.newBuilder(URI.create(put + sep + "digest=" + b.digest()))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofFile(blobFile(layout, b))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()), 201);
            }
            expect(http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/" + repo
                    + "/manifests/" + tag)).header("Content-Type", written.manifest().mediaType())
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofFile(blobFile(layout, written.manifest()))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()), 201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path blobFile(Path layout, OciImage.Blob b) {
        return layout.resolve("blobs/sha256").resolve(b.digest().substring("sha256:".length()));
    }

    private static void expect(java.net.http.HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUp() {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                int code = c.getResponseCode();
                c.disconnect();
                if (code == 200 || code == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || Instant.now().isAfter(end)) {
                close();
                throw new IllegalStateException("the registry did not come up: " + readLog());
            }
            sleep(50);
        }
    }

    private String readLog() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd.subList(0, Math.min(4, cmd.size()))) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
