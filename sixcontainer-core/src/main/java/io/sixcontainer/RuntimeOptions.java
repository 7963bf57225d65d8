package io.sixcontainer;

import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link ContainerRuntime} beyond its root. Immutable.
 *
 * @param insecureRegistries registries ({@code host} or {@code host:port}, as image references
 *                           name them) reached over plain HTTP, as docker's
 *                           {@code --insecure-registry}; loopback registries always are
 */
public record RuntimeOptions(Set<String> insecureRegistries) {

    /** Copies the set. */
    public RuntimeOptions {
        insecureRegistries = Set.copyOf(Objects.requireNonNull(insecureRegistries, "insecureRegistries"));
    }

    /** No insecure registries. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Set.of());
    }

    /** These options with {@code registry} reached over plain HTTP too. */
    public RuntimeOptions withInsecureRegistry(String registry) {
        java.util.HashSet<String> all = new java.util.HashSet<>(insecureRegistries);
        all.add(Objects.requireNonNull(registry, "registry"));
        return new RuntimeOptions(all);
    }
}
