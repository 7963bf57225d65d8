package io.sixcontainer.testing.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token service of a registry in token mode, as Docker Hub's auth.docker.io is: answers
 * {@code GET /token?service=..&scope=..} with an RS256 JWT (its certificate in {@code x5c},
 * self-signed by a key made with openssl for this run) granting the scopes asked for, to
 * {@link LocalRegistry#USER} (Basic) or, unless credentials are required, to anyone. Counts
 * the requests and records their scopes, so tests see tokens being cached.
 */
public final class TokenServer implements AutoCloseable {

    static final String SERVICE = "sixcontainer-test-registry";
    static final String ISSUER = "sixcontainer-test-token-issuer";

    private final HttpServer server;
    private final PrivateKey key;
    private final byte[] certificateDer;
    private final Path certificate;
    private final boolean requireCredentials;
    private final int lifetimeSeconds;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> scopes = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param lifetimeSeconds the {@code expires_in} of each token
     */
    public TokenServer(Path dir, boolean requireCredentials, int lifetimeSeconds) throws Exception {
        RootRequired.assumeTool("openssl");
        this.requireCredentials = requireCredentials;
        this.lifetimeSeconds = lifetimeSeconds;
        Path keyFile = dir.resolve("token.key");
        certificate = dir.resolve("token.crt");
        LocalRegistry.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=sixcontainer-test-token", "-keyout", keyFile.toString(), "-out", certificate.toString()));
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(keyFile)));
        X509Certificate cert;
        try (var in = Files.newInputStream(certificate)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        certificateDer = cert.getEncoded();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/token", this::answer);
        server.start();
    }

    /** The realm a registry names in its challenge. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    Path certificate() {
        return certificate;
    }

    /** How many token requests came. */
    public int requests() {
        return requests.get();
    }

    /** The scopes asked for, in order. */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            requests.incrementAndGet();
            String auth = x.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (LocalRegistry.USER + ":" + LocalRegistry.PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (auth != null ? !auth.equals(expected) : requireCredentials) {
                x.sendResponseHeaders(401, -1);
                return;
            }
            String subject = auth == null ? "" : LocalRegistry.USER;
            List<String> asked = new ArrayList<>();
            String query = x.getRequestURI().getRawQuery();
            for (String kv : query == null ? new String[0] : query.split("&")) {
                if (kv.startsWith("scope=")) {
                    asked.add(URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8));
                }
            }
            scopes.addAll(asked);
            String token = jwt(subject, asked);
            ObjectNode body = OciImage.JSON.createObjectNode().put("token", token).put("access_token", token)
                    .put("expires_in", lifetimeSeconds).put("issued_at", Instant.now().toString());
            byte[] bytes = OciImage.json(body);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(String subject, List<String> asked) throws Exception {
        ObjectNode header = OciImage.JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificateDer));
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = OciImage.JSON.createObjectNode().put("iss", ISSUER).put("sub", subject).put("aud", SERVICE)
                .put("exp", now + lifetimeSeconds).put("nbf", now - 10).put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        var access = claims.putArray("access");
        for (String scope : asked) {
            String[] parts = scope.split(":"); // repository:NAME:ACTIONS (names have no ':' here)
            var a = access.addObject().put("type", parts[0]).put("name", parts[1]);
            for (String action : parts[2].split(",")) {
                a.withArray("actions").add(action);
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(OciImage.json(header)) + "." + b64.encodeToString(OciImage.json(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64.encodeToString(s.sign());
    }

    private static byte[] pem(Path file) {
        try {
            String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
