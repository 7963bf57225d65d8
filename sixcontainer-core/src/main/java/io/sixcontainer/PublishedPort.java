package io.sixcontainer;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A port of the container reachable at a port of the host ({@code docker run -p}).
 *
 * @param hostIp        the host address it is reachable at; null for every address of the host
 * @param hostPort      the host port; 0 for a free one chosen at launch ({@link Container#endpoint})
 * @param containerPort the port the container listens on, 1-65535
 * @param transport     TCP or UDP
 */
public record PublishedPort(InetAddress hostIp, int hostPort, int containerPort, Transport transport) {

    /** The transport protocol of a published port. */
    public enum Transport {
        /** TCP. */
        TCP,
        /** UDP. */
        UDP
    }

    /**
     * Checks the values.
     *
     * @throws InvalidSpecException naming a port out of range or a host address that is not IPv4
     */
    public PublishedPort {
        if (containerPort < 1 || containerPort > 65535) {
            throw new InvalidSpecException("bad container port " + containerPort + ": 1-65535");
        }
        if (hostPort < 0 || hostPort > 65535) {
            throw new InvalidSpecException("bad host port " + hostPort + ": 0-65535 (0 for a free one)");
        }
        if (hostIp != null && hostIp.getAddress().length != 4) {
            throw new InvalidSpecException("bad host address " + hostIp.getHostAddress() + ": only IPv4 is published");
        }
        if (transport == null) {
            throw new InvalidSpecException("a published port needs a transport (TCP or UDP)");
        }
    }

    /** {@code containerPort} over TCP at a free port of every host address. */
    public static PublishedPort tcp(int containerPort) {
        return new PublishedPort(null, 0, containerPort, Transport.TCP);
    }

    /**
     * Parses docker's {@code -p} syntax: {@code [IP:][HOSTPORT:]PORT[/tcp|/udp]}; without a
     * host port a free one is chosen.
     *
     * @throws InvalidSpecException naming {@code text} when it is not of that form
     */
    public static PublishedPort parse(String text) {
        String rest = text;
        Transport transport = Transport.TCP;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            transport = switch (rest.substring(slash + 1)) {
                case "tcp" -> Transport.TCP;
                case "udp" -> Transport.UDP;
                default -> throw new InvalidSpecException("bad published port '" + text + "': protocol must be tcp or udp");
            };
            rest = rest.substring(0, slash);
        }
        String[] parts = rest.split(":", -1);
        if (parts.length > 3) {
            throw new InvalidSpecException("bad published port '" + text + "': expected [IP:][HOSTPORT:]PORT[/udp]");
        }
        InetAddress ip = parts.length == 3 && !parts[0].isEmpty() ? ipv4(parts[0], text) : null;
        String host = parts.length >= 2 ? parts[parts.length - 2] : "";
        return new PublishedPort(ip, host.isEmpty() ? 0 : port(host, text), port(parts[parts.length - 1], text),
                transport);
    }

    private static int port(String s, String text) {
        if (!s.matches("\\d{1,5}")) {
            throw new InvalidSpecException("bad published port '" + text + "': '" + s + "' is not a port number");
        }
        return Integer.parseInt(s);
    }

    // Parsed here, never by InetAddress.getByName: that looks up whatever is not an address.
    static InetAddress ipv4(String s, String text) {
        String[] octets = s.split("\\.", -1);
        byte[] b = new byte[4];
        boolean ok = octets.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            ok = octets[i].matches("\\d{1,3}") && Integer.parseInt(octets[i]) <= 255;
            b[i] = ok ? (byte) Integer.parseInt(octets[i]) : 0;
        }
        if (!ok) {
            throw new InvalidSpecException("bad address '" + s + "' in '" + text + "': not an IPv4 address");
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are an address", e);
        }
    }

    /** In docker's {@code -p} syntax, with the host port as given (0 = chosen at launch). */
    @Override
    public String toString() {
        return (hostIp != null ? hostIp.getHostAddress() + ":" : "") + hostPort + ":" + containerPort + "/"
                + transport.name().toLowerCase(java.util.Locale.ROOT);
    }
}
