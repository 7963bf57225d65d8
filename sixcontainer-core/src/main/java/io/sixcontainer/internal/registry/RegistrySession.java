package io.sixcontainer.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sixcontainer.ImageException;
import io.sixcontainer.internal.registry.auth.RegistryCredential;
import io.sixcontainer.internal.registry.auth.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP to one repository of one registry for one pull: the {@code /v2/} ping, the token or
 * Basic authorisation its challenge asks for, and GETs that follow redirects by hand so that
 * {@code Authorization} never goes to another origin (blob storage behind a redirect gets
 * none). Errors are {@link ImageException}s without credentials in them.
 */
final class RegistrySession implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);
    private static final String USER_AGENT = "sixcontainer/0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final RegistryEndpoint endpoint;
    private final String repository;
    private final RegistryCredentials credentialStore;
    private final TokenCache tokens;
    private Optional<RegistryCredential> credential;
    private volatile String authorization;

    RegistrySession(RegistryEndpoint endpoint, String repository, RegistryCredentials credentials, TokenCache tokens) {
        this.endpoint = endpoint;
        this.repository = repository;
        this.credentialStore = credentials;
        this.tokens = tokens;
        // HTTP/1.1: one connection per parallel blob, and no h2c upgrade dance with plain-HTTP registries.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code GET /v2/}: is this a registry, and which authorisation does it want. */
    void ping() {
        HttpResponse<InputStream> r = follow(endpoint.resolve("/v2/"), null, -1, false);
        close(r);
        if (r.statusCode() == 401) {
            authorize(r, false);
        } else if (r.statusCode() != 200) {
            throw new ImageException(endpoint.domain() + " does not answer as an OCI registry (GET "
                    + endpoint.resolve("/v2/") + ": HTTP " + r.statusCode() + ")");
        }
    }

    /**
     * GETs {@code /v2/<repository>/<suffix>}, authorising again once if the token was refused.
     *
     * @param from the first byte wanted ({@code Range}), or -1 for all
     * @return the response, any status; its body must be closed
     */
    HttpResponse<InputStream> get(String suffix, String accept, long from) {
        URI uri = endpoint.resolve("/v2/" + repository + "/" + suffix);
        HttpResponse<InputStream> r = follow(uri, accept, from, true);
        if (r.statusCode() == 401) {
            close(r);
            authorize(r, true);
            r = follow(uri, accept, from, true);
        }
        return r;
    }

    /** The repository path, for messages. */
    String repository() {
        return repository;
    }

    /** The registry's name, for messages. */
    String domain() {
        return endpoint.domain();
    }

    private HttpResponse<InputStream> follow(URI uri, String accept, long from, boolean withAuth) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current).timeout(HEADERS_TIMEOUT).GET()
                    .header("User-Agent", USER_AGENT);
            if (accept != null) {
                b.header("Accept", accept);
            }
            if (from > 0) {
                b.header("Range", "bytes=" + from + "-");
            }
            String auth = authorization;
            if (withAuth && auth != null && endpoint.sameOrigin(current)) {
                b.header("Authorization", auth);
            }
            HttpResponse<InputStream> r = send(b.build());
            int status = r.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return r;
            }
            close(r);
            String location = r.headers().firstValue("Location").orElseThrow(() -> new ImageException(
                    endpoint.domain() + " answered HTTP " + status + " without a Location"));
            current = current.resolve(location);
            if (!"https".equalsIgnoreCase(current.getScheme()) && !"http".equalsIgnoreCase(current.getScheme())) {
                throw new ImageException(endpoint.domain() + " redirected to a non-HTTP location");
            }
        }
        throw new ImageException(endpoint.domain() + " redirected more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ImageException("cannot reach " + request.uri().getHost() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("interrupted while talking to " + endpoint.domain(), e);
        }
    }

    private void authorize(HttpResponse<InputStream> challenged, boolean refresh) {
        AuthChallenge c = AuthChallenge.parse(challenged.headers().firstValue("WWW-Authenticate").orElse(null))
                .orElseThrow(() -> new ImageException(endpoint.domain() + " refused access (HTTP 401) without"
                        + " saying how to authenticate"));
        Optional<RegistryCredential> cred = credential();
        switch (c.scheme()) {
            case "basic" -> {
                if (cred.isEmpty() || cred.get().isIdentityToken() || authorization != null && refresh) {
                    throw refused(cred.isPresent() && authorization != null);
                }
                authorization = "Basic " + basic(cred.get());
            }
            case "bearer" -> authorization = "Bearer " + token(c, cred, refresh);
            default -> throw new ImageException(endpoint.domain() + " asks for '" + c.scheme()
                    + "' authentication, which sixcontainer does not speak (Bearer and Basic)");
        }
    }

    private String token(AuthChallenge c, Optional<RegistryCredential> cred, boolean refresh) {
        String realm = c.param("realm");
        if (realm == null || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
            throw new ImageException(endpoint.domain() + " names no usable token realm: " + realm);
        }
        String service = c.param("service");
        String scope = "repository:" + repository + ":pull";
        String key = realm + "|" + service + "|" + scope + "|" + cred.map(RegistryCredential::username).orElse("");
        if (!refresh) {
            Optional<String> cached = tokens.get(key);
            if (cached.isPresent()) {
                return cached.get();
            }
        } else {
            // Refused (expired early, or revoked): one new token; a refusal of that one is final.
            tokens.drop(key);
        }
        String query = (service != null ? "service=" + enc(service) + "&" : "") + "scope=" + enc(scope);
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(HEADERS_TIMEOUT).header("User-Agent", USER_AGENT);
        if (cred.isPresent() && cred.get().isIdentityToken()) {
            // docker's identity token is an OAuth2 refresh token for the realm.
            String form = "grant_type=refresh_token&client_id=sixcontainer&refresh_token=" + enc(cred.get().secret())
                    + (service != null ? "&service=" + enc(service) : "") + "&scope=" + enc(scope);
            b.uri(URI.create(realm)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            cred.ifPresent(value -> b.header("Authorization", "Basic " + basic(value)));
            b.GET();
        }
        HttpResponse<InputStream> r = send(b.build());
        try (InputStream body = r.body()) {
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw refused(cred.isPresent());
            }
            if (r.statusCode() != 200) {
                throw new ImageException("the token server of " + endpoint.domain() + " answered HTTP " + r.statusCode());
            }
            JsonNode json = JSON.readTree(body.readNBytes(ERROR_BODY_LIMIT));
            String token = json.path("token").asText(json.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new ImageException("the token server of " + endpoint.domain() + " sent no token");
            }
            long expiresIn = Math.max(60, json.path("expires_in").asLong(60));
            Instant issued = Instant.now();
            tokens.put(key, token, issued.plusSeconds(expiresIn));
            return token;
        } catch (IOException e) {
            throw new ImageException("the token server of " + endpoint.domain() + " sent a bad answer: "
                    + describe(e), e);
        }
    }

    private ImageException refused(boolean hadCredentials) {
        return new ImageException(hadCredentials
                ? "the credentials for " + endpoint.domain() + " were refused (or do not grant pull of " + repository + ")"
                : "access to " + endpoint.domain() + "/" + repository + " is denied: the repository does not exist"
                        + " or needs credentials, and none are configured for " + endpoint.domain()
                        + " (docker login, ~/.docker/config.json or $REGISTRY_AUTH_FILE)");
    }

    private Optional<RegistryCredential> credential() {
        if (credential == null) {
            credential = credentialStore.lookup(endpoint.domain());
        }
        return credential;
    }

    /**
     * An {@link ImageException} for an unexpected answer, with the registry's error code and
     * message when its body has them ({@code {"errors":[{"code":..,"message":..}]}}).
     */
    ImageException failure(String what, HttpResponse<InputStream> r) {
        String detail = "";
        try (InputStream body = r.body()) {
            JsonNode errors = JSON.readTree(body.readNBytes(ERROR_BODY_LIMIT)).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode e = errors.get(0);
                detail = ": " + e.path("code").asText("") + " " + e.path("message").asText("");
            }
        } catch (IOException | RuntimeException e) {
            // the body is only a detail
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            return refused(credential().isPresent());
        }
        return new ImageException(what + ": HTTP " + r.statusCode() + detail.stripTrailing());
    }

    static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException e) {
            // nothing more to read from it
        }
    }

    private static String basic(RegistryCredential c) {
        return Base64.getEncoder().encodeToString((c.username() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        http.close();
    }
}
