package io.sixcontainer.internal.net;

import io.sixcontainer.PublishedPort;
import io.sixcontainer.internal.net.link.Links;
import io.sixcontainer.internal.net.link.NetlinkSocket;
import io.sixcontainer.internal.net.nat.HostSysctls;
import io.sixcontainer.internal.net.nat.NatTable;
import io.sixcontainer.internal.net.nat.PortRule;
import io.sixcontainer.internal.plan.NetworkPlan;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel side of a bridge network: the bridge with the gateway's address, a veth pair per
 * container (its end made as {@code eth0} inside the container's namespace, addressed and
 * routed there over a netlink socket opened in that namespace), and the nftables rules that
 * masquerade and forward published ports.
 */
final class BridgeAttach {

    private final NatTable nat;
    private final HostSysctls sysctls = new HostSysctls();

    BridgeAttach(String natTable) {
        this.nat = new NatTable(natTable);
    }

    /**
     * Makes {@code net}'s bridge, its address and rules when they are missing (the caller holds
     * the store lock). A bridge found is checked once per JVM for its address and its nft
     * chains (over netlink, no nft process): a JVM killed while it made them leaves a bridge
     * without them, which would mean no masquerade and no isolation.
     */
    void ensureBridge(NetworkConfig net) {
        try (NetlinkSocket host = NetlinkSocket.open()) {
            Links links = new Links(host);
            if (links.exists(net.bridge())) {
                if (verified.contains(net.bridge())) {
                    return;
                }
                if (!links.addresses(net.bridge()).contains(new io.sixcontainer.internal.net.link.LinkAddress(
                        net.gateway(), net.subnet().prefix()))) {
                    links.addAddress(net.bridge(), net.gateway(), net.subnet().prefix());
                }
                links.setUp(net.bridge());
            } else {
                links.createBridge(net.bridge());
                links.addAddress(net.bridge(), net.gateway(), net.subnet().prefix());
                links.setUp(net.bridge());
            }
        }
        sysctls.enableIpForward();
        sysctls.enableRouteLocalnet(net.bridge());
        if (!nat.hasNetwork(net.name())) {
            nat.addNetwork(net.name(), net.bridge(), net.subnet().toString());
        }
        verified.add(net.bridge());
    }

    private final java.util.Set<String> verified = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Gives init {@code pid}'s namespace its {@code eth0} on the bridge, and forwards its
     * published ports; returns the handle {@link #forgetPorts(String, long)} takes, or -1.
     */
    long attach(String id, NetworkPlan net, int pid) {
        Inet4Address address = address(net.address());
        int prefix = Integer.parseInt(net.subnet().substring(net.subnet().indexOf('/') + 1));
        int nsFd = Libc.open("/proc/" + pid + "/ns/net", fcntl_h.O_RDONLY() | fcntl_h.O_CLOEXEC(), 0);
        try (NetlinkSocket host = NetlinkSocket.open()) {
            Links links = new Links(host);
            links.createVethPair(net.hostVeth(), "eth0", nsFd);
            links.setMaster(net.hostVeth(), net.bridge());
            // A container reaching its own published port: the DNATed packet goes back out of
            // the port it came in by.
            links.setHairpin(net.hostVeth());
            links.setUp(net.hostVeth());
            try (NetlinkSocket inside = NetlinkSocket.openIn(nsFd)) {
                Links in = new Links(inside);
                in.addAddress("eth0", address, prefix);
                in.setUp("eth0");
                in.addDefaultRoute(address(net.gateway()));
            }
        } finally {
            Libc.close(nsFd);
        }
        if (!net.ports().isEmpty()) {
            List<PortRule> rules = new ArrayList<>();
            for (PublishedPort p : net.ports()) {
                rules.add(new PortRule((Inet4Address) p.hostIp(), p.hostPort(), address, p.containerPort(),
                        p.transport() == PublishedPort.Transport.TCP ? PortRule.Transport.TCP : PortRule.Transport.UDP));
            }
            return nat.addNewPorts(id, rules);
        }
        return -1;
    }

    /** Removes {@code id}'s forwarding rules (none is no error); {@code handle} as {@link #attach} returned it, or -1. */
    void forgetPorts(String id, long handle) {
        nat.removePorts(id, handle);
    }

    /** Deletes a host veth that outlived its namespace (it goes with the namespace otherwise). */
    void deleteVeth(String hostVeth) {
        try (NetlinkSocket host = NetlinkSocket.open()) {
            new Links(host).deleteLink(hostVeth);
        }
    }

    /** Deletes {@code net}'s bridge and rules. */
    void removeBridge(NetworkConfig net) {
        verified.remove(net.bridge());
        nat.removeNetwork(net.name());
        try (NetlinkSocket host = NetlinkSocket.open()) {
            new Links(host).deleteLink(net.bridge());
        }
        if (nat.networkNames().isEmpty() && nat.containerIds().isEmpty()) {
            nat.deleteTable();
        }
    }

    private static Inet4Address address(String a) {
        return Ipv4Cidr.toAddress(Ipv4Cidr.parseAddress(a, a));
    }
}
