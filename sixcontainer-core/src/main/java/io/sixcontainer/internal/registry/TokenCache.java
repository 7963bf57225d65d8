package io.sixcontainer.internal.registry;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of a runtime, by token service, scope and user, kept until shortly before they
 * expire: repeated pulls from one registry ask its token server once.
 */
public final class TokenCache {

    // A token this close to its expiry could lapse mid-request; a fresh one is asked for instead.
    private static final long MARGIN_SECONDS = 10;

    private record Entry(String token, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> tokens = new ConcurrentHashMap<>();

    Optional<String> get(String key) {
        Entry e = tokens.get(key);
        if (e == null || Instant.now().plusSeconds(MARGIN_SECONDS).isAfter(e.expires)) {
            return Optional.empty();
        }
        return Optional.of(e.token);
    }

    void put(String key, String token, Instant expires) {
        tokens.put(key, new Entry(token, expires));
    }

    void drop(String key) {
        tokens.remove(key);
    }
}
