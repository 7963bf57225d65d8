package io.sixcontainer.internal.net.link;

import java.nio.charset.StandardCharsets;

/** The kernel's rules for a network interface name ({@code dev_valid_name}), checked before asking it. */
public final class InterfaceName {

    /** The longest name in bytes: {@code IFNAMSIZ - 1}, the kernel keeps a terminating NUL. */
    public static final int MAX_BYTES = 15;

    private InterfaceName() {
    }

    /**
     * Returns {@code name} if the kernel would accept it as an interface name.
     *
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static String requireValid(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an interface name must not be empty");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("interface name '" + name + "' is " + bytes
                    + " bytes long; at most " + MAX_BYTES + " fit (IFNAMSIZ - 1)");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("interface name '" + name + "' is not allowed");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '\0' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("interface name '" + name
                        + "' contains '" + c + "'; '/', ':', NUL and whitespace are not allowed");
            }
        }
        return name;
    }
}
