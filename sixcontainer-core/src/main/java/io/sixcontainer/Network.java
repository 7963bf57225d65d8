package io.sixcontainer;

import java.util.Objects;

/**
 * The network a container is on: {@link #none()} (a network namespace of its own with only
 * {@code lo}, the default), {@link #host()} (the host's network, no namespace of its own) or
 * {@link #bridge(String)} (a network of {@link ContainerRuntime#createNetwork}: an address of its
 * own on the network's bridge, outbound traffic masqueraded, published ports, and the other
 * containers of the network reachable by name).
 */
public final class Network {

    /** The network {@code sixc run} uses by default, made on first use (docker's {@code bridge}). */
    public static final String DEFAULT_BRIDGE = "bridge";

    /** What kind of network a {@link Network} is. */
    public enum Mode {
        /** A network namespace with only {@code lo}, up. */
        NONE,
        /** The host's network namespace. */
        HOST,
        /** A network namespace with {@code lo} and {@code eth0} on a bridge. */
        BRIDGE
    }

    private static final Network NONE = new Network(Mode.NONE, "none");
    private static final Network HOST = new Network(Mode.HOST, "host");

    private final Mode mode;
    private final String name;

    private Network(Mode mode, String name) {
        this.mode = mode;
        this.name = name;
    }

    /** Only {@code lo}: the container reaches nothing and nothing reaches it (the library's default). */
    public static Network none() {
        return NONE;
    }

    /** The host's network: no isolation of devices, addresses or ports. */
    public static Network host() {
        return HOST;
    }

    /**
     * The bridge network {@code name} ({@link #DEFAULT_BRIDGE} is made on first use; others by
     * {@link ContainerRuntime#createNetwork}).
     *
     * @throws InvalidSpecException when {@code name} is not 1-64 of {@code [a-zA-Z0-9_.-]}
     *                              starting with a letter or digit, or is {@code none} or {@code host}
     */
    public static Network bridge(String name) {
        Objects.requireNonNull(name, "network name");
        // The name becomes a directory under the runtime root: it must not be a path.
        if (!NetworkChecks.validNetworkName(name) || name.equals("none") || name.equals("host")) {
            throw new InvalidSpecException("bad network name '" + name
                    + "': 1-64 of [a-zA-Z0-9_.-], starting with a letter or digit, not none or host");
        }
        return new Network(Mode.BRIDGE, name);
    }

    /**
     * The network a CLI names: {@code none}, {@code host}, or a bridge network's name.
     *
     * @throws InvalidSpecException when {@code name} is no valid network name
     */
    public static Network named(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "host" -> HOST;
            default -> bridge(name);
        };
    }

    /** What kind of network it is. */
    public Mode mode() {
        return mode;
    }

    /** Its name: {@code none}, {@code host}, or the bridge network's name. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.mode == mode && n.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
