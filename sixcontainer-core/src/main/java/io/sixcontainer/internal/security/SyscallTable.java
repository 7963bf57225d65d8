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

/** The x86_64 system call numbers, by name (a resource made from the kernel's UAPI headers). */
final class SyscallTable {

    private static final Map<String, Integer> X86_64 = load("syscalls-x86_64.txt");

    private SyscallTable() {
    }

    static OptionalInt x86_64(String name) {
        Integer nr = X86_64.get(name);
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
