package io.sixcontainer.internal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * System call numbers by name, one resource per architecture made from the kernel's UAPI
 * headers ({@code syscalls-x86_64.txt}, {@code syscalls-aarch64.txt}: "name number" lines).
 */
final class SyscallTable {

    private static final Map<String, Map<String, Integer>> TABLES = new ConcurrentHashMap<>();

    private SyscallTable() {
    }

    static OptionalInt number(String resource, String name) {
        Integer nr = TABLES.computeIfAbsent(resource, SyscallTable::load).get(name);
        return nr == null ? OptionalInt.empty() : OptionalInt.of(nr);
    }

    private static Map<String, Integer> load(String resource) {
        Map<String, Integer> table = new HashMap<>();
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.trim().split(" ");
                    table.put(f[0], Integer.parseInt(f[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
