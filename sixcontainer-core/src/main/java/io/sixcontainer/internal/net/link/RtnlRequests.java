package io.sixcontainer.internal.net.link;

import static io.sixcontainer.ffi.libc.linux_if_addr_h.IFA_ADDRESS;
import static io.sixcontainer.ffi.libc.linux_if_addr_h.IFA_LOCAL;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_IFNAME;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_INFO_DATA;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_INFO_KIND;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_LINKINFO;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_NET_NS_FD;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_CREATE;
import static io.sixcontainer.ffi.libc.linux_netlink_h.NLM_F_EXCL;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTA_GATEWAY;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_DELLINK;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_GETADDR;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_GETLINK;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_NEWADDR;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_NEWLINK;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_NEWROUTE;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTN_UNICAST;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTPROT_BOOT;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RT_SCOPE_UNIVERSE;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RT_TABLE_MAIN;
import static io.sixcontainer.ffi.libc.linux_veth_h.VETH_INFO_PEER;

import java.net.Inet4Address;

/**
 * The rtnetlink requests {@link Links} sends, built byte for byte. Links are named by
 * {@code IFLA_IFNAME} with index 0 where the kernel accepts that (get, change, delete),
 * so no index is looked up first.
 */
final class RtnlRequests {

    private static final int AF_UNSPEC = 0;
    private static final int AF_BRIDGE = 7;
    private static final int AF_INET = 2;
    private static final int CREATE_NEW = NLM_F_CREATE() | NLM_F_EXCL();

    private RtnlRequests() {
    }

    /** {@code struct ifinfomsg}: family, pad, type, index, flags, change mask. */
    static NetlinkMessage ifinfomsg(NetlinkMessage m, int index, int flags, int change) {
        return m.u8(AF_UNSPEC).u8(0).u16(0).u32(index).u32(flags).u32(change);
    }

    /** A new link of {@code kind}, with {@code flags} (e.g. {@code IFF_UP}) set as it is created. */
    static NetlinkMessage newLink(String operation, String name, String kind, int flags) {
        NetlinkMessage m = ifinfomsg(new NetlinkMessage(RTM_NEWLINK(), CREATE_NEW, operation, name), 0, flags, flags);
        m.attrString(IFLA_IFNAME(), name);
        int info = m.beginNested(IFLA_LINKINFO());
        m.attrString(IFLA_INFO_KIND(), kind);
        return m.end(info);
    }

    /**
     * A veth pair: {@code hostName} where the socket is, {@code peerName} in the namespace
     * {@code peerNetnsFd} refers to (or beside it when -1). The peer is described in
     * {@code VETH_INFO_PEER}: an ifinfomsg of its own, then its attributes.
     */
    static NetlinkMessage newVeth(String hostName, String peerName, int peerNetnsFd) {
        NetlinkMessage m = ifinfomsg(new NetlinkMessage(RTM_NEWLINK(), CREATE_NEW, "create veth pair",
                hostName + " (peer " + peerName + ")"), 0, 0, 0);
        m.attrString(IFLA_IFNAME(), hostName);
        int info = m.beginNested(IFLA_LINKINFO());
        m.attrString(IFLA_INFO_KIND(), "veth");
        int data = m.beginNested(IFLA_INFO_DATA());
        int peer = m.beginAttr(VETH_INFO_PEER());
        ifinfomsg(m, 0, 0, 0);
        m.attrString(IFLA_IFNAME(), peerName);
        if (peerNetnsFd >= 0) {
            m.attrU32(IFLA_NET_NS_FD(), peerNetnsFd);
        }
        return m.end(peer).end(data).end(info);
    }

    /**
     * A change to the existing link {@code name}: no {@code NLM_F_CREATE}, so a missing link
     * is ENODEV, never a new one. The caller appends the attributes to change.
     */
    static NetlinkMessage setLink(String operation, String name, int flags, int change) {
        return ifinfomsg(new NetlinkMessage(RTM_NEWLINK(), 0, operation, name), 0, flags, change)
                .attrString(IFLA_IFNAME(), name);
    }

    /** A change to the link with {@code index}, for what replaces its name. */
    static NetlinkMessage setLinkByIndex(String operation, String object, int index) {
        return ifinfomsg(new NetlinkMessage(RTM_NEWLINK(), 0, operation, object), index, 0, 0);
    }

    /**
     * Turns on hairpin mode of bridge port {@code index} ({@code bridge link set dev NAME hairpin
     * on}): a frame may leave by the port it came in by, so a container reaches its own
     * published port through the host.
     */
    static NetlinkMessage setHairpin(String name, int index) {
        NetlinkMessage m = new NetlinkMessage(io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_SETLINK(), 0,
                "set hairpin mode", name);
        m.u8(AF_BRIDGE).u8(0).u16(0).u32(index).u32(0).u32(0);
        int protinfo = m.beginNested(io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_PROTINFO());
        m.attr(io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_BRPORT_MODE(), new byte[] {1});
        return m.end(protinfo);
    }

    /** Deletes link {@code name}. */
    static NetlinkMessage deleteLink(String name) {
        return ifinfomsg(new NetlinkMessage(RTM_DELLINK(), 0, "delete link", name), 0, 0, 0)
                .attrString(IFLA_IFNAME(), name);
    }

    /** Gets link {@code name} (answered with an RTM_NEWLINK message). */
    static NetlinkMessage getLink(String name) {
        return ifinfomsg(new NetlinkMessage(RTM_GETLINK(), 0, "get link", name), 0, 0, 0)
                .attrString(IFLA_IFNAME(), name);
    }

    /** Every link (a dump). */
    static NetlinkMessage listLinks() {
        return ifinfomsg(new NetlinkMessage(RTM_GETLINK(), 0, "list links", ""), 0, 0, 0);
    }

    /** {@code addr/prefixLen} on the link with {@code index}, scope universe. */
    static NetlinkMessage newAddress(String object, int index, Inet4Address addr, int prefixLen) {
        NetlinkMessage m = new NetlinkMessage(RTM_NEWADDR(), CREATE_NEW, "add address", object);
        // struct ifaddrmsg: family, prefix length, flags, scope, index
        m.u8(AF_INET).u8(prefixLen).u8(0).u8(RT_SCOPE_UNIVERSE()).u32(index);
        // IFA_LOCAL is the address itself; IFA_ADDRESS the peer's, the same on a broadcast link.
        return m.attr(IFA_LOCAL(), addr.getAddress()).attr(IFA_ADDRESS(), addr.getAddress());
    }

    /** Every IPv4 address (a dump). */
    static NetlinkMessage listAddresses(String object) {
        return new NetlinkMessage(RTM_GETADDR(), 0, "list addresses", object).u8(AF_INET).u8(0).u8(0).u8(0).u32(0);
    }

    /** A default route via {@code gateway} in the main table, as {@code ip route add default via} makes it. */
    static NetlinkMessage newDefaultRoute(Inet4Address gateway) {
        NetlinkMessage m = new NetlinkMessage(RTM_NEWROUTE(), CREATE_NEW, "add default route",
                "via " + gateway.getHostAddress());
        // struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags
        m.u8(AF_INET).u8(0).u8(0).u8(0).u8(RT_TABLE_MAIN()).u8(RTPROT_BOOT()).u8(RT_SCOPE_UNIVERSE()).u8(RTN_UNICAST())
                .u32(0);
        return m.attr(RTA_GATEWAY(), gateway.getAddress());
    }
}
