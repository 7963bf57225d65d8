package io.sixcontainer.internal.net.nat;

import java.util.regex.Pattern;

/**
 * Checks every value that goes into an nft script. Each check admits only a closed set of
 * characters, none of which nft's grammar gives a meaning to inside a name or an address, so
 * no input can end a statement, open a block or add a command to a transaction.
 */
final class NatInputs {

    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");
    // As io.sixcontainer.Network accepts them; "nat-" + 64 characters is far below nft's
    // 255-byte limit on chain names.
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    // IFNAMSIZ is 16 with the NUL; the kernel refuses "." and ".." itself.
    private static final Pattern INTERFACE = Pattern.compile("[a-zA-Z0-9_.-]{1,15}");
    // nft's scanner reads a name as an identifier only when it starts with a letter.
    private static final Pattern TABLE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,31}");
    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private NatInputs() {
    }

    static boolean isContainerId(String id) {
        return CONTAINER_ID.matcher(id).matches();
    }

    static boolean isNetworkName(String name) {
        return NETWORK_NAME.matcher(name).matches();
    }

    static String containerId(String id) {
        return require(id, CONTAINER_ID, "container id", "12-64 lowercase hex digits");
    }

    static String networkName(String name) {
        return require(name, NETWORK_NAME, "network name", "1-64 of [a-zA-Z0-9_.-], starting with a letter or digit");
    }

    static String interfaceName(String name) {
        String checked = require(name, INTERFACE, "interface name", "1-15 of [a-zA-Z0-9_.-]");
        if (checked.equals(".") || checked.equals("..")) {
            throw new IllegalArgumentException("bad interface name '" + name + "': not a name the kernel accepts");
        }
        return checked;
    }

    static String tableName(String name) {
        return require(name, TABLE, "table name", "a letter, then up to 31 of [a-zA-Z0-9_]");
    }

    static int port(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad " + what + " " + port + ": 1-65535");
        }
        return port;
    }

    /**
     * An IPv4 network in CIDR notation with its host bits zero, as in {@code 10.214.0.0/24}.
     * A gateway address with a prefix ({@code 10.214.0.1/24}) is refused rather than widened,
     * since it usually means the caller passed the wrong value.
     */
    static String subnet(String cidr) {
        if (cidr == null) {
            throw new IllegalArgumentException("bad subnet null: expected an IPv4 network such as 10.214.0.0/24");
        }
        int slash = cidr.indexOf('/');
        String len = slash < 0 ? "" : cidr.substring(slash + 1);
        if (slash < 0 || !len.matches("[0-9]{1,2}") || Integer.parseInt(len) > 32) {
            throw new IllegalArgumentException("bad subnet '" + cidr + "': expected an IPv4 network such as 10.214.0.0/24");
        }
        long address = ipv4Bits(cidr.substring(0, slash), cidr);
        int prefix = Integer.parseInt(len);
        long hostMask = prefix == 32 ? 0 : (1L << (32 - prefix)) - 1;
        if ((address & hostMask) != 0) {
            throw new IllegalArgumentException("bad subnet '" + cidr + "': host bits are set (the network is "
                    + dotted(address & ~hostMask) + "/" + prefix + ")");
        }
        return cidr;
    }

    private static long ipv4Bits(String text, String whole) {
        String[] octets = text.split("\\.", -1);
        long bits = 0;
        boolean ok = octets.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            ok = OCTET.matcher(octets[i]).matches() && Integer.parseInt(octets[i]) <= 255;
            bits = ok ? bits << 8 | Integer.parseInt(octets[i]) : 0;
        }
        if (!ok) {
            throw new IllegalArgumentException("bad subnet '" + whole + "': '" + text + "' is not an IPv4 address");
        }
        return bits;
    }

    private static String dotted(long bits) {
        return (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
    }

    private static String require(String value, Pattern pattern, String what, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("bad " + what + " " + (value == null ? "null" : "'" + value + "'")
                    + ": expected " + expected);
        }
        return value;
    }
}
