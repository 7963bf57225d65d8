package io.sixcontainer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of a spec's network settings at {@link ContainerSpec.Builder#build()}. */
final class NetworkChecks {

    /** Names of networks, aliases and extra hosts: what a hosts file and a directory name can hold. */
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9.-]{0,251}[a-zA-Z0-9])?");
    /** One socket per published port is held by the monitor (with one pipe, of at most 64 fds): at most this many. */
    static final int MAX_PUBLISHED = 63;

    private NetworkChecks() {
    }

    static boolean validNetworkName(String name) {
        return name != null && NETWORK_NAME.matcher(name).matches();
    }

    /** The network the namespaces leave: without a NET namespace only the host's can be meant. */
    static Network effective(Network network, Set<Namespace> namespaces) {
        if (network.mode() == Network.Mode.HOST) {
            if (namespaces.contains(Namespace.NET)) {
                throw new InvalidSpecException("network host shares the host's network namespace: drop NET from the"
                        + " namespaces, or choose another network");
            }
            return network;
        }
        if (!namespaces.contains(Namespace.NET)) {
            if (network.mode() == Network.Mode.BRIDGE) {
                throw new InvalidSpecException("network " + network.name() + " needs the NET namespace");
            }
            return Network.host();
        }
        return network;
    }

    static void check(Network network, List<String> aliases, List<PublishedPort> ports, Map<String, String> hosts,
                      List<String> dns) {
        boolean bridge = network.mode() == Network.Mode.BRIDGE;
        if (!ports.isEmpty() && !bridge) {
            throw new InvalidSpecException("publishing port " + ports.getFirst() + " needs a bridge network, not "
                    + network.name());
        }
        if (ports.size() > MAX_PUBLISHED) {
            throw new InvalidSpecException(ports.size() + " published ports: at most " + MAX_PUBLISHED);
        }
        Set<String> taken = new HashSet<>();
        for (PublishedPort p : ports) {
            if (p.hostPort() != 0 && !taken.add(p.hostPort() + "/" + p.transport())) {
                throw new InvalidSpecException("host port " + p.hostPort() + "/" + p.transport()
                        + " is published twice");
            }
        }
        for (String alias : aliases) {
            if (!bridge) {
                throw new InvalidSpecException("network alias '" + alias + "' needs a bridge network, not "
                        + network.name());
            }
            hostName(alias, "network alias");
        }
        hosts.forEach((name, ip) -> {
            hostName(name, "extra host name");
            PublishedPort.ipv4(ip, name + ":" + ip);
        });
        for (String server : dns) {
            PublishedPort.ipv4(server, "dns " + server);
        }
    }

    private static void hostName(String name, String what) {
        if (name == null || !HOST_NAME.matcher(name).matches()) {
            throw new InvalidSpecException("bad " + what + " '" + name
                    + "': letters, digits, '.' and '-', starting and ending with a letter or digit");
        }
    }
}
