package io.sixcontainer.internal.net.link;

import java.net.Inet4Address;

/**
 * An IPv4 address on a link, with the length of its subnet's prefix.
 *
 * @param address      the address, e.g. 10.213.0.2
 * @param prefixLength the subnet's prefix length, 0 to 32
 */
public record LinkAddress(Inet4Address address, int prefixLength) {

    /** Validates the prefix length. */
    public LinkAddress {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " of " + address.getHostAddress()
                    + " is not in 0..32");
        }
    }

    /** CIDR notation, e.g. {@code 10.213.0.2/24}. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
