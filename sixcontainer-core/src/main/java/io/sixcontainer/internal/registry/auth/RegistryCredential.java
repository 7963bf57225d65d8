package io.sixcontainer.internal.registry.auth;

/** TEMPORARY STUB: replaced by the registry-creds branch. */
public record RegistryCredential(String username, String secret) {
    public boolean isIdentityToken() {
        return "<token>".equals(username);
    }

    @Override
    public String toString() {
        return "RegistryCredential[" + username + ", ***]";
    }
}
