package io.sixcontainer.internal.net;

import io.sixcontainer.InvalidSpecException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 subnet, {@code a.b.c.d/len}, with its network address normalised.
 *
 * @param network the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 8-30 (a network needs a gateway and at least one container address)
 */
public record Ipv4Cidr(long network, int prefix) {

    /**
     * Parses {@code text}; host bits must be zero.
     *
     * @throws InvalidSpecException naming {@code text} when it is no such subnet
     */
    public static Ipv4Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,2}")) {
            throw new InvalidSpecException("bad subnet '" + text + "': expected a.b.c.d/len");
        }
        long addr = parseAddress(text.substring(0, slash), text);
        int prefix = Integer.parseInt(text.substring(slash + 1));
        if (prefix < 8 || prefix > 30) {
            throw new InvalidSpecException("bad subnet '" + text + "': the prefix must be 8-30");
        }
        Ipv4Cidr c = new Ipv4Cidr(addr & mask(prefix), prefix);
        if (c.network != addr) {
            throw new InvalidSpecException("bad subnet '" + text + "': host bits set (the network is " + c + ")");
        }
        return c;
    }

    /** {@code a.b.c.d} as an unsigned 32-bit value. */
    static long parseAddress(String s, String context) {
        String[] o = s.split("\\.", -1);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            if (o.length != 4 || !o[i].matches("\\d{1,3}") || Integer.parseInt(o[i]) > 255) {
                throw new InvalidSpecException("bad address '" + s + "' in '" + context + "'");
            }
            v = v << 8 | Integer.parseInt(o[i]);
        }
        return v;
    }

    static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    /** Whether the two share any address. */
    public boolean overlaps(long otherNetwork, int otherPrefix) {
        int p = Math.min(prefix, otherPrefix);
        return (network & mask(p)) == (otherNetwork & mask(p));
    }

    /** Whether {@code address} is inside. */
    public boolean contains(long address) {
        return (address & mask(prefix)) == network;
    }

    /** The {@code n}-th address (1 is the gateway's); null past the last one before broadcast. */
    public Inet4Address host(long n) {
        long size = 1L << (32 - prefix);
        return n < 1 || n >= size - 1 ? null : toAddress(network + n);
    }

    /** How many addresses it has. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** The address of value {@code v}. */
    public static Inet4Address toAddress(long v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The value of {@code a}. */
    public static long value(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
    }

    @Override
    public String toString() {
        return toAddress(network).getHostAddress() + "/" + prefix;
    }
}
