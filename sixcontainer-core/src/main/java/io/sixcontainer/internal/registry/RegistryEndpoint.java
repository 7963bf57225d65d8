package io.sixcontainer.internal.registry;

import java.net.URI;
import java.util.Set;

/**
 * Where a registry named in a reference is reached: {@code docker.io} at
 * {@code registry-1.docker.io}; over plain HTTP only for a loopback host or one the user
 * declared insecure (docker's {@code --insecure-registry}); HTTPS everywhere else.
 *
 * @param domain the registry as references name it ({@code docker.io}, {@code localhost:5000})
 * @param base   the URI the {@code /v2/} API is under
 */
record RegistryEndpoint(String domain, URI base) {

    static RegistryEndpoint of(String domain, Set<String> insecureRegistries) {
        String host = domain.equals("docker.io") ? "registry-1.docker.io" : domain;
        boolean plain = insecureRegistries.contains(domain) || isLoopback(hostOnly(domain));
        return new RegistryEndpoint(domain, URI.create((plain ? "http://" : "https://") + host));
    }

    /** {@code base} + {@code path} (which starts with {@code /v2/}). */
    URI resolve(String path) {
        return URI.create(base + path);
    }

    /** True if {@code uri} is on this registry's scheme, host and port: credentials may go there. */
    boolean sameOrigin(URI uri) {
        return base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
                && port(base) == port(uri);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String hostOnly(String domain) {
        int colon = domain.lastIndexOf(':');
        return colon < 0 ? domain : domain.substring(0, colon);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }
}
