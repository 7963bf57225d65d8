package io.sixcontainer.internal.net.nat;

import java.net.Inet4Address;
import java.util.Locale;
import java.util.Objects;

/**
 * One published port: traffic for {@code hostPort} on the host goes to
 * {@code containerIp:containerPort}. Addresses are {@link Inet4Address}es, so what reaches an
 * nft script is always a dotted quad.
 *
 * @param hostIp        the host address it is published on; null (or 0.0.0.0) for every
 *                      local address of the host
 * @param hostPort      the host port, 1-65535
 * @param containerIp   the container's address on its bridge
 * @param containerPort the port the container listens on, 1-65535
 * @param transport     TCP or UDP
 */
public record PortRule(Inet4Address hostIp, int hostPort, Inet4Address containerIp, int containerPort,
        Transport transport) {

    /** The transport protocol a rule matches. */
    public enum Transport {
        /** TCP. */
        TCP,
        /** UDP. */
        UDP;

        /** The name nft uses: {@code tcp} or {@code udp}. */
        String nftName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the values; 0.0.0.0 as {@code hostIp} becomes null.
     *
     * @throws IllegalArgumentException naming a port out of range or a missing address or transport
     */
    public PortRule {
        if (hostIp != null && hostIp.isAnyLocalAddress()) {
            hostIp = null;
        }
        NatInputs.port(hostPort, "host port");
        NatInputs.port(containerPort, "container port");
        if (containerIp == null || containerIp.isAnyLocalAddress()) {
            throw new IllegalArgumentException("bad container address " + containerIp + " for host port " + hostPort);
        }
        Objects.requireNonNull(transport, "transport");
    }

    /** {@code containerIp:containerPort} over TCP at {@code hostPort} of every host address. */
    public static PortRule tcp(int hostPort, Inet4Address containerIp, int containerPort) {
        return new PortRule(null, hostPort, containerIp, containerPort, Transport.TCP);
    }

    /** {@code containerIp:containerPort} over UDP at {@code hostPort} of every host address. */
    public static PortRule udp(int hostPort, Inet4Address containerIp, int containerPort) {
        return new PortRule(null, hostPort, containerIp, containerPort, Transport.UDP);
    }
}
