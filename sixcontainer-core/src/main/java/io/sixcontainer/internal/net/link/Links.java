package io.sixcontainer.internal.net.link;

import static io.sixcontainer.ffi.libc.linux_if_addr_h.IFA_ADDRESS;
import static io.sixcontainer.ffi.libc.linux_if_addr_h.IFA_LOCAL;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_IFNAME;
import static io.sixcontainer.ffi.libc.linux_if_link_h.IFLA_MASTER;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_NEWADDR;
import static io.sixcontainer.ffi.libc.linux_rtnetlink_h.RTM_NEWLINK;
import static io.sixcontainer.ffi.libc.net_if_h.IFF_UP;

import io.sixcontainer.ffi.Errno;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Links, IPv4 addresses and the default route of the network namespace a
 * {@link NetlinkSocket} lives in. Names are checked ({@link InterfaceName}) before the
 * kernel is asked; what the kernel refuses is a {@link NetlinkException} naming the
 * operation and the link or address.
 */
public final class Links {

    private static final int HEADER = NetlinkMessage.HEADER_BYTES;
    private static final int IFINFOMSG_BYTES = 16;
    private static final int IFADDRMSG_BYTES = 8;

    private final NetlinkSocket socket;

    /** Operations over {@code socket}; closing it stays the caller's business. */
    public Links(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** Creates bridge {@code name}, up. EEXIST if a link of that name exists. */
    public void createBridge(String name) {
        socket.request(RtnlRequests.newLink("create bridge", InterfaceName.requireValid(name), "bridge", IFF_UP()));
    }

    /**
     * Creates a veth pair: {@code hostName} in this socket's namespace, {@code peerName}
     * created directly in the namespace {@code peerNetnsFd} refers to (so no name of the
     * container's ever exists here). Both ends start down.
     */
    public void createVethPair(String hostName, String peerName, int peerNetnsFd) {
        if (peerNetnsFd < 0) {
            throw new IllegalArgumentException("no namespace descriptor for veth peer " + peerName + ": " + peerNetnsFd);
        }
        socket.request(RtnlRequests.newVeth(InterfaceName.requireValid(hostName), InterfaceName.requireValid(peerName),
                peerNetnsFd));
    }

    /** Creates a veth pair with both ends in this socket's namespace, down. */
    public void createVethPair(String name, String peerName) {
        socket.request(RtnlRequests.newVeth(InterfaceName.requireValid(name), InterfaceName.requireValid(peerName), -1));
    }

    /** Sets link {@code name} up. */
    public void setUp(String name) {
        socket.request(RtnlRequests.setLink("set up", InterfaceName.requireValid(name), IFF_UP(), IFF_UP()));
    }

    /** Sets link {@code name} down. */
    public void setDown(String name) {
        socket.request(RtnlRequests.setLink("set down", InterfaceName.requireValid(name), 0, IFF_UP()));
    }

    /** Enslaves {@code link} to {@code bridge} (both in this namespace). */
    public void setMaster(String link, String bridge) {
        int master = index(bridge);
        socket.request(RtnlRequests.setLink("set master " + bridge, InterfaceName.requireValid(link), 0, 0)
                .attrU32(IFLA_MASTER(), master));
    }

    /** Lets frames of bridge port {@code link} leave by it again (hairpin mode); it must have a master. */
    public void setHairpin(String link) {
        socket.request(RtnlRequests.setHairpin(InterfaceName.requireValid(link), index(link)));
    }

    /** Renames {@code oldName} to {@code newName}; the kernel refuses (EBUSY) while the link is up. */
    public void rename(String oldName, String newName) {
        InterfaceName.requireValid(newName);
        int index = index(oldName);
        socket.request(RtnlRequests.setLinkByIndex("rename", oldName + " to " + newName, index)
                .attrString(IFLA_IFNAME(), newName));
    }

    /**
     * Deletes link {@code name} (a veth takes its peer with it).
     *
     * @return false if there was no such link
     */
    public boolean deleteLink(String name) {
        try {
            socket.request(RtnlRequests.deleteLink(InterfaceName.requireValid(name)));
            return true;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return false;
            }
            throw e;
        }
    }

    /** Whether a link named {@code name} exists. */
    public boolean exists(String name) {
        return findIndex(name).isPresent();
    }

    /** The index of link {@code name}; a {@link NetlinkException} with ENODEV if there is none. */
    public int index(String name) {
        return linkIndex(socket.get(RtnlRequests.getLink(InterfaceName.requireValid(name))));
    }

    /** The index of link {@code name}, if there is one. */
    public OptionalInt findIndex(String name) {
        try {
            return OptionalInt.of(index(name));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    /** The names of every link (an {@code RTM_GETLINK} dump). */
    public List<String> listLinks() {
        List<String> names = new ArrayList<>();
        for (ByteBuffer m : socket.dump(RtnlRequests.listLinks())) {
            if (type(m) == RTM_NEWLINK()) {
                NetlinkAttributes.parse(m, HEADER + IFINFOMSG_BYTES, m.limit()).string(IFLA_IFNAME()).ifPresent(names::add);
            }
        }
        return names;
    }

    /** Adds {@code addr/prefixLen} to {@code link}. EEXIST if it has it already. */
    public void addAddress(String link, Inet4Address addr, int prefixLen) {
        LinkAddress address = new LinkAddress(addr, prefixLen);
        int index = index(link);
        socket.request(RtnlRequests.newAddress(address + " on " + link, index, addr, prefixLen));
    }

    /** The IPv4 addresses of {@code link} (an {@code RTM_GETADDR} dump, filtered here). */
    public List<LinkAddress> addresses(String link) {
        int index = index(link);
        List<LinkAddress> out = new ArrayList<>();
        for (ByteBuffer m : socket.dump(RtnlRequests.listAddresses(link))) {
            if (type(m) != RTM_NEWADDR() || m.getInt(HEADER + 4) != index) {
                continue;
            }
            int prefix = Byte.toUnsignedInt(m.get(HEADER + 1));
            NetlinkAttributes attrs = NetlinkAttributes.parse(m, HEADER + IFADDRMSG_BYTES, m.limit());
            Optional<byte[]> local = attrs.bytes(IFA_LOCAL()).or(() -> attrs.bytes(IFA_ADDRESS()));
            local.filter(b -> b.length == 4).ifPresent(b -> out.add(new LinkAddress(inet4(b), prefix)));
        }
        return out;
    }

    /**
     * Adds the default route via {@code gateway} (main table). The gateway must be on a
     * subnet of a link that is up, so add the address and set the link up first.
     */
    public void addDefaultRoute(Inet4Address gateway) {
        socket.request(RtnlRequests.newDefaultRoute(gateway));
    }

    private static int type(ByteBuffer message) {
        return Short.toUnsignedInt(message.getShort(4));
    }

    private static int linkIndex(ByteBuffer newLink) {
        return newLink.getInt(HEADER + 4);
    }

    private static Inet4Address inet4(byte[] raw) {
        try {
            return (Inet4Address) InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
