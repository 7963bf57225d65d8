package io.sixcontainer.internal.registry.auth;

import java.util.Optional;

/** TEMPORARY STUB: replaced by the registry-creds branch. */
public final class RegistryCredentials {
    public static RegistryCredentials fromEnvironment() {
        return new RegistryCredentials();
    }

    public Optional<RegistryCredential> lookup(String registryHost) {
        return Optional.empty();
    }
}
