package io.sixcontainer.internal.net;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Network;
import io.sixcontainer.PublishedPort;
import io.sixcontainer.internal.plan.NetworkPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The network side of a container's life: before the plan, its address is leased and its
 * host ports reserved ({@link #reserve}); once its init exists, its namespace is attached to
 * the bridge, its ports forwarded and its name added to its peers' hosts files
 * ({@link #attach}); when it has ended, all of that is taken back ({@link #detach}), and what
 * a killed JVM could not take back is found by {@link #repair}.
 */
public final class ContainerNetworks {

    private final NetworkStore store;
    private final Function<String, Path> stateDirOf;
    private final BridgeAttach bridges;
    private final PendingReleases releases = new PendingReleases();

    /**
     * @param root       the runtime root
     * @param stateDirOf a container's state directory, by id (where its hosts file is)
     */
    public ContainerNetworks(Path root, Function<String, Path> stateDirOf) {
        this.store = new NetworkStore(root);
        this.stateDirOf = stateDirOf;
        this.bridges = new BridgeAttach(store.natTable());
    }

    /** The networks. */
    public NetworkStore store() {
        return store;
    }

    /** What {@link #reserve} holds for a launch: the plan's network section and the port sockets. */
    public static final class Reservation {
        private final NetworkPlan plan;
        private int[] sockets;

        Reservation(NetworkPlan plan, int[] sockets) {
            this.plan = plan;
            this.sockets = sockets;
        }

        /** The network section of the plan. */
        public NetworkPlan plan() {
            return plan;
        }

        /** Hands the port sockets over (to the monitor, which holds them while the container runs). */
        public int[] takeSockets() {
            int[] s = sockets;
            sockets = new int[0];
            return s;
        }
    }

    /**
     * Leases container {@code id}'s address and reserves its host ports (a host port 0 becomes
     * a free one: the socket is bound first, so no one else can take it between the choice and
     * the forwarding).
     *
     * @param owners what the state says of a container (by id), so that a gone one's lease may be taken back
     */
    public Reservation reserve(String id, ContainerSpec spec, Function<String, Ipam.Owner> owners) {
        Network network = spec.network();
        if (network.mode() != Network.Mode.BRIDGE) {
            return new Reservation(NetworkPlan.without(network, spec.extraHosts(), spec.dnsServers()), new int[0]);
        }
        NetworkConfig net = store.require(network.name());
        Ipam.Lease lease = store.locked(() -> Ipam.allocate(store, net, id, owners));
        PortReservation ports;
        try {
            if (lease.takenFrom() != null) {
                // A gone container's address, taken over: what it left goes first.
                forgetPorts(lease.takenFrom());
                bridges.deleteVeth(hostVeth(lease.takenFrom()));
            }
            releases.awaitHolding(spec.publishedPorts());
            ports = PortReservation.bind(spec.publishedPorts());
        } catch (RuntimeException e) {
            Ipam.release(store, net.name(), lease.address(), id);
            throw e;
        }
        NetworkPlan plan = new NetworkPlan(Network.Mode.BRIDGE, net.name(), net.bridge(), net.subnet().toString(),
                lease.address().getHostAddress(), net.gateway().getHostAddress(), hostVeth(id),
                spec.networkAliases(), ports.bound(), spec.extraHosts(), spec.dnsServers());
        return new Reservation(plan, ports.fds());
    }

    /** Takes back a reservation whose launch failed before {@link #attach}: its sockets and lease. */
    public void release(String id, Reservation r) {
        io.sixcontainer.ffi.Libc.closeAll(r.takeSockets());
        NetworkPlan net = r.plan();
        // At once: the caller reports the failure, and what it reserved should be gone by then.
        if (net.bridged() && leaseHeld(id, net)) {
            release(id, net, net.ports().isEmpty() ? -1 : jumpHandle(id));
        }
    }

    /** Writes the container's {@code /etc} files into its state directory (its peers' lines included). */
    public void writeEtcFiles(String id, NetworkPlan net, String hostname, String name) {
        EtcFiles.write(stateDirOf.apply(id), net, hostname, name, net.bridged() ? members(net.name(), id) : List.of());
    }

    /** Attaches init {@code pid}'s network namespace; {@code hostname}/{@code name} go into its peers' hosts files. */
    public void attach(String id, NetworkPlan net, int pid, String hostname, String name) {
        NetworkConfig cfg = store.require(net.name());
        store.locked(() -> {
            bridges.ensureBridge(cfg);
            return null;
        });
        long jump = bridges.attach(id, net, pid);
        if (jump >= 0) {
            saveJumpHandle(id, jump);
        }
        store.locked(() -> {
            addMember(net.name(), id, EtcFiles.peerLine(net, hostname, name));
            return null;
        });
    }

    /**
     * Takes back what {@code id}'s network held: forwarded ports, its veth if it outlived the
     * namespace, its line in its peers' hosts files, its lease. In the background: deleting an
     * nft rule waits for an RCU grace period and deleting a link can wait for the kernel's
     * teardown of the dying namespace (tens of ms), and neither must hold up the caller. The
     * lease goes last, so the address is not given out again before its rules and veth are
     * gone; a launch that asks for a host port a release still holds waits for that release
     * ({@link #reserve}). {@link #awaitReleases} waits for all of them.
     */
    public void detach(String id, NetworkPlan net) {
        if (net == null || !net.bridged()) {
            return;
        }
        // Read now: a removal moves the state directory away right after.
        long jump = net.ports().isEmpty() ? -1 : jumpHandle(id);
        // The end of an attached container is seen twice (its watcher, then its removal).
        releases.start(id, net.ports(), () -> leaseHeld(id, net), () -> release(id, net, jump));
    }

    private boolean leaseHeld(String id, NetworkPlan net) {
        return store.locked(() -> id.equals(Ipam.leases(store, net.name()).get(net.address())));
    }

    private void release(String id, NetworkPlan net, long jump) {
        try {
            if (!net.ports().isEmpty()) {
                bridges.forgetPorts(id, jump);
            }
            bridges.deleteVeth(net.hostVeth());
            store.locked(() -> {
                Ipam.release(store, net.name(), Ipv4Cidr.toAddress(Ipv4Cidr.parseAddress(net.address(), net.address())),
                        id);
                removeMember(net.name(), id);
                return null;
            });
        } catch (RuntimeException e) {
            // The lease stays: the next ContainerRuntime.open takes everything back.
            org.slf4j.LoggerFactory.getLogger(ContainerNetworks.class).warn("container {}: releasing its network"
                    + " failed; the next open retries", id, e);
        }
    }

    /** Waits until every release {@link #detach} started has finished. */
    public void awaitReleases() {
        releases.awaitAll();
    }

    /**
     * Takes back what containers that are gone left on every network (a JVM or monitor
     * killed). A lease is taken before anything else of a container's network and given back
     * last, so the stale leases name every container that may have left rules or a veth; with
     * none, no nft runs (a plain open stays cheap).
     */
    public void repair(Function<String, Ipam.Owner> owners) {
        for (NetworkConfig n : store.list()) {
            try {
                releaseStale(n.name(), owners);
                store.locked(() -> {
                    for (String member : memberIds(n.name())) {
                        if (owners.apply(member) != Ipam.Owner.LIVE) {
                            removeMember(n.name(), member);
                        }
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ContainerNetworks.class).warn("cannot repair network {}", n.name(), e);
            }
        }
    }

    // Rules and veth first, the lease last: a lease that is still there is found again next time.
    private void releaseStale(String net, Function<String, Ipam.Owner> owners) {
        Map<String, String> stale = store.locked(() -> Ipam.staleLeases(store, net, owners));
        for (Map.Entry<String, String> e : stale.entrySet()) {
            String id = e.getValue();
            forgetPorts(id);
            bridges.deleteVeth(hostVeth(id));
            store.locked(() -> {
                Ipam.release(store, net, Ipv4Cidr.toAddress(Ipv4Cidr.parseAddress(e.getKey(), e.getKey())), id);
                return null;
            });
        }
    }

    /**
     * Removes network {@code name}: refused while a container that is not gone has an address on it.
     *
     * @throws ContainerException naming the network and a container on it
     */
    public void remove(String name, Function<String, Ipam.Owner> owners) {
        NetworkConfig n = store.require(name);
        // A container that has just ended may still be giving its address back.
        awaitReleases();
        releaseStale(name, owners);
        store.locked(() -> {
            // What is left is a container that runs, or one being launched.
            for (String owner : Ipam.leases(store, name).values()) {
                throw new ContainerException("network " + name + " has container " + owner.substring(0, 12)
                        + " on it: remove it first");
            }
            bridges.removeBridge(n);
            store.delete(name);
            return null;
        });
    }

    /**
     * Makes network {@code name} (its bridge comes with its first container).
     *
     * @param subnet IPv4 CIDR, or null for a free /24
     */
    public io.sixcontainer.NetworkInfo create(String name, String subnet) {
        return info(store.create(name, subnet));
    }

    /** Every network, by name, with the containers on it. */
    public List<io.sixcontainer.NetworkInfo> list() {
        return store.list().stream().map(this::info).toList();
    }

    private io.sixcontainer.NetworkInfo info(NetworkConfig n) {
        return new io.sixcontainer.NetworkInfo(n.name(), n.subnet().toString(), n.gateway().getHostAddress(),
                n.bridge(), n.created(), Ipam.leases(store, n.name()).values().stream().distinct().sorted().toList());
    }

    // The handle of a container's nft jump lets its rules go over netlink, without nft.
    private static final String JUMP_HANDLE = "nat-jump";

    private void saveJumpHandle(String id, long handle) {
        try {
            Files.writeString(stateDirOf.apply(id).resolve(JUMP_HANDLE), Long.toString(handle));
        } catch (IOException e) {
            // Without it the rules are removed from an nft listing instead.
        }
    }

    private void forgetPorts(String id) {
        bridges.forgetPorts(id, jumpHandle(id));
    }

    private long jumpHandle(String id) {
        try {
            return Long.parseLong(Files.readString(stateDirOf.apply(id).resolve(JUMP_HANDLE)).strip());
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return -1; // none recorded: an nft listing finds the rules
        }
    }

    // The host end's name: 15 bytes at most, unique by the container id's first 12 hex digits.
    static String hostVeth(String id) {
        return "sxv" + id.substring(0, 12);
    }

    private Path membersDir(String net) {
        return store.dirOf(net).resolve("members");
    }

    private List<String> memberIds(String net) {
        try (var s = Files.list(membersDir(net))) {
            return s.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith(".")).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The hosts lines of net's members other than `self`.
    private List<String> members(String net, String self) {
        List<String> lines = new ArrayList<>();
        for (String m : memberIds(net)) {
            if (!m.equals(self)) {
                try {
                    lines.add(Files.readString(membersDir(net).resolve(m)).strip());
                } catch (NoSuchFileException e) {
                    // left meanwhile
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    private void addMember(String net, String id, String line) {
        try {
            Files.createDirectories(membersDir(net));
            Files.writeString(membersDir(net).resolve(id), line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + id + " to network " + net, e);
        }
        refreshPeers(net);
    }

    private void removeMember(String net, String id) {
        try {
            Files.deleteIfExists(membersDir(net).resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refreshPeers(net);
    }

    // Every member's hosts file: its own head, the other members after it.
    private void refreshPeers(String net) {
        for (String m : memberIds(net)) {
            Path hosts = stateDirOf.apply(m).resolve("hosts");
            try {
                // Never the container's own file: it could be huge, or not text at all.
                String head = Files.readString(stateDirOf.apply(m).resolve(EtcFiles.HOSTS_HEAD));
                List<String> peers = members(net, m);
                EtcFiles.rewrite(hosts, head + EtcFiles.PEERS_MARK + String.join("\n", peers)
                        + (peers.isEmpty() ? "" : "\n"));
            } catch (NoSuchFileException e) {
                // a member whose state is gone: repair drops it
            } catch (IOException e) {
                // One member's file must not stop the others, nor the launch that changed them.
                org.slf4j.LoggerFactory.getLogger(ContainerNetworks.class).warn("cannot update the hosts file of"
                        + " container {}", m, e);
            }
        }
    }
}
