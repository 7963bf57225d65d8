package io.sixcontainer.internal.plan;

import io.sixcontainer.Network;
import io.sixcontainer.PublishedPort;
import java.util.List;
import java.util.Map;

/**
 * The network a launch decided: the mode and, on a bridge, the leased address, the devices
 * and the published ports with the host ports actually reserved (a host port 0 of the spec
 * is the one the kernel chose). Its names and files are what the container's
 * {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf} are made from.
 *
 * @param mode       none, host or bridge
 * @param name       the network's name ({@code none}, {@code host} or the bridge network's)
 * @param bridge     the host's bridge device, or null
 * @param subnet     the network's subnet ({@code a.b.c.d/len}), or null
 * @param address    the container's address on it, or null
 * @param gateway    the bridge's address (the default route), or null
 * @param hostVeth   the host end of its veth pair, or null
 * @param aliases    the names other containers of the network reach it by, beside its name and hostname
 * @param ports      its published ports, each with the host port reserved for it
 * @param extraHosts names added to its hosts file
 * @param dns        its name servers, empty for the host's
 */
public record NetworkPlan(Network.Mode mode, String name, String bridge, String subnet, String address, String gateway,
                          String hostVeth, List<String> aliases, List<PublishedPort> ports,
                          Map<String, String> extraHosts, List<String> dns) {

    public NetworkPlan {
        aliases = List.copyOf(aliases);
        ports = List.copyOf(ports);
        extraHosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraHosts));
        dns = List.copyOf(dns);
    }

    /** A network without an address of its own: none or host. */
    public static NetworkPlan without(Network network, Map<String, String> extraHosts, List<String> dns) {
        return new NetworkPlan(network.mode(), network.name(), null, null, null, null, null, List.of(), List.of(),
                extraHosts, dns);
    }

    /** Whether it is on a bridge. */
    public boolean bridged() {
        return mode == Network.Mode.BRIDGE;
    }
}
