package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Network;
import io.sixcontainer.PublishedPort;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** docker's network flags of {@code run}: the network, published ports, aliases, extra hosts, name servers. */
final class NetworkOptions {

    @Option(names = "--network", paramLabel = "NAME", defaultValue = Network.DEFAULT_BRIDGE,
            description = "bridge (default: the default bridge network, made on first use), a network of"
                    + " 'sixc network create', none (only loopback) or host (the host's network).")
    String network;

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:][HOSTPORT:]PORT[/udp]",
            description = "Publish a container port at a host port (a free one when HOSTPORT is left out).")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"},
            description = "Publish every port the image exposes (its EXPOSE / ExposedPorts) at a free host port.")
    boolean publishAll;

    @Option(names = "--network-alias", paramLabel = "NAME",
            description = "A further name other containers of the network reach this one by.")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--add-host", paramLabel = "NAME:IP", description = "Add a line to the container's /etc/hosts.")
    List<String> addHosts = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "IP", description = "A name server of /etc/resolv.conf, instead of the host's.")
    List<String> dns = new ArrayList<>();

    /** Whether the container shares the host's network (and so has no NET namespace). */
    boolean host() {
        return network.equals("host");
    }

    /**
     * Applies the flags.
     *
     * @throws io.sixcontainer.InvalidSpecException naming a malformed value
     * @throws IllegalArgumentException naming an {@code --add-host} without its address
     */
    void applyTo(ContainerSpec.Builder spec) {
        spec.network(Network.named(network));
        publish.forEach(p -> spec.publish(PublishedPort.parse(p)));
        aliases.forEach(spec::networkAlias);
        for (String h : addHosts) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--add-host '" + h + "': expected NAME:IP");
            }
            spec.addHost(h.substring(0, colon), h.substring(colon + 1));
        }
        dns.forEach(spec::dns);
    }

    /** With {@code -P}: publishes {@code exposed} ({@code PORT/tcp|udp}, as {@link io.sixcontainer.ImageInfo} lists them) at free host ports. */
    void publishExposed(ContainerSpec.Builder spec, List<String> exposed) {
        if (publishAll) {
            exposed.forEach(p -> spec.publish(PublishedPort.parse(p)));
        }
    }
}
