package io.sixcontainer.internal.net.nat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The nftables rules of container networks, in one IPv4 table that only sixcontainer changes
 * ({@code table ip sixcontainer} unless told otherwise). Nothing outside that table is read or
 * touched.
 *
 * <p>Layout: base chains {@code prerouting} and {@code output} (nat, dstnat) each hold one rule,
 * {@code fib daddr type local jump published}; {@code published} holds one jump per container
 * to its chain {@code ctr-<id>} of DNAT rules. {@code postrouting} (nat, srcnat) jumps to a
 * chain {@code nat-<network>} of masquerade rules per network, {@code forward} (filter) to a
 * chain {@code fwd-<network>} of accepts. Every jump carries the comment {@code sixc:ctr:<id>}
 * or {@code sixc:net:<network>}. What belongs to whom is read back from the kernel, never from
 * a record of ours, so a crash between two changes leaves nothing that {@link #containerIds()}
 * and {@link #networkNames()} cannot find.
 *
 * <p>Every change is one nft transaction: it applies entirely or not at all. Two processes may
 * change the table at once: a change that loses a race (a rule it meant to delete went first)
 * is retried on a fresh listing; adding and removing are idempotent.
 */
public final class NatTable {

    /** The table a runtime uses. */
    public static final String DEFAULT_TABLE = "sixcontainer";

    private static final String CONTAINER_CHAIN = "ctr-";
    private static final String NETWORK_NAT_CHAIN = "nat-";
    private static final String NETWORK_FORWARD_CHAIN = "fwd-";
    private static final String NETWORK_GUARD_CHAIN = "lo-";
    private static final String CONTAINER_TAG = "sixc:ctr:";
    private static final String NETWORK_TAG = "sixc:net:";
    private static final int ATTEMPTS = 3;
    private static final Duration NFT_TIMEOUT = Duration.ofSeconds(30);

    private final String table;
    private final Nft nft;
    private final NatNetlink netlink;

    /** The rules in {@link #DEFAULT_TABLE}, through the nft on the PATH (or in /usr/sbin). */
    public NatTable() {
        this(DEFAULT_TABLE);
    }

    /**
     * The rules in {@code table ip <tableName>}, through the nft on the PATH (or in /usr/sbin).
     *
     * @throws IllegalArgumentException naming {@code tableName} unless it is a letter and up to
     *                                  31 of [a-zA-Z0-9_]
     */
    public NatTable(String tableName) {
        this(tableName, Nft.locate());
    }

    /** As {@link #NatTable(String)}, through the nft binary at {@code nftBinary}. */
    public NatTable(String tableName, Path nftBinary) {
        this.table = NatInputs.tableName(tableName);
        this.nft = new Nft(nftBinary, NFT_TIMEOUT);
        this.netlink = new NatNetlink(this.table);
    }

    /** The table's name. */
    public String tableName() {
        return table;
    }

    /**
     * Makes the table and its base chains if they are missing; safe to run from any number of
     * processes at once. Every other change does this too, so calling it first is optional.
     *
     * @throws NftException when nft refuses
     */
    public void ensureTable() {
        nft.apply("create nft table " + table, new NatScript(table).baseChains().toString());
    }

    /**
     * Masquerades the outbound traffic of network {@code networkName} (subnet {@code subnetCidr}
     * on bridge {@code bridge}), the traffic of its published ports from 127.0.0.0/8 and from its
     * own containers (hairpin), and accepts its forwarded traffic. Replaces what the network
     * had.
     *
     * @throws IllegalArgumentException naming a bad name, interface or subnet
     * @throws NftException             when nft refuses
     */
    public void addNetwork(String networkName, String bridge, String subnetCidr) {
        String name = NatInputs.networkName(networkName);
        List<String> nat = NatScript.masquerade(bridge, NatInputs.subnet(subnetCidr));
        List<String> forward = NatScript.forward(bridge);
        String tag = NETWORK_TAG + name;
        change("set up the nft rules of network " + name + " (bridge " + bridge + ", " + subnetCidr + ")",
                listing -> new NatScript(table).baseChains()
                        .ownedChain(NETWORK_NAT_CHAIN + name, nat, "postrouting", tag,
                                listing.jumpsInto(NETWORK_NAT_CHAIN + name))
                        .ownedChain(NETWORK_FORWARD_CHAIN + name, forward, "forward", tag,
                                listing.jumpsInto(NETWORK_FORWARD_CHAIN + name))
                        .ownedChain(NETWORK_GUARD_CHAIN + name, NatScript.loopbackGuard(bridge), NatScript.GUARD, tag,
                                listing.jumpsInto(NETWORK_GUARD_CHAIN + name)));
    }

    /** Whether network {@code networkName}'s chains are all there (over netlink: no nft process). */
    public boolean hasNetwork(String networkName) {
        String name = NatInputs.networkName(networkName);
        try {
            return netlink.chainExists(NETWORK_NAT_CHAIN + name) && netlink.chainExists(NETWORK_FORWARD_CHAIN + name)
                    && netlink.chainExists(NETWORK_GUARD_CHAIN + name);
        } catch (io.sixcontainer.internal.net.link.NetlinkException e) {
            return false;
        }
    }

    /**
     * Removes the rules of network {@code networkName}; nothing to remove is no error.
     *
     * @throws NftException when nft refuses
     */
    public void removeNetwork(String networkName) {
        String name = NatInputs.networkName(networkName);
        change("remove the nft rules of network " + name, listing -> {
            NatScript script = new NatScript(table);
            for (String chain : List.of(NETWORK_NAT_CHAIN + name, NETWORK_FORWARD_CHAIN + name,
                    NETWORK_GUARD_CHAIN + name)) {
                script.dropChain(chain, listing.chains().contains(chain), listing.jumpsInto(chain));
            }
            return script;
        });
    }

    /**
     * Publishes the ports of container {@code containerId}: replaces whatever rules it had with
     * {@code rules} (none removes them). The host ports must already be reserved; rules do not
     * check that two containers claim the same one. Over netlink when the table exists (no nft
     * process), else through nft, which also makes the table.
     *
     * @return the handle of the container's jump for {@link #removePorts(String, long)}, or -1
     *
     * @throws IllegalArgumentException naming a bad container id
     * @throws NftException             when nft refuses
     */
    public long addPorts(String containerId, List<PortRule> rules) {
        String id = NatInputs.containerId(containerId);
        if (rules.isEmpty()) {
            removePorts(id);
            return -1;
        }
        String chain = CONTAINER_CHAIN + id;
        String tag = CONTAINER_TAG + id;
        try {
            // A new container's chain (the usual case) goes over netlink; replacing one goes
            // through a listing, which also finds every jump into it.
            if (!netlink.chainExists(chain)) {
                return netlink.add(chain, NatScript.PUBLISHED, tag, rules);
            }
        } catch (io.sixcontainer.internal.net.link.NetlinkException e) {
            // The table or its base chains are missing (or the kernel refused): nft makes them.
        }
        List<String> dnat = rules.stream().map(NatScript::dnat).toList();
        change("publish the ports of container " + id, listing -> new NatScript(table).baseChains()
                .ownedChain(chain, dnat, NatScript.PUBLISHED, tag, listing.jumpsInto(chain)));
        return -1;
    }

    /**
     * {@link #addPorts} for a container that has no rules yet (a new one): one netlink
     * transaction, without first asking whether its chain exists.
     */
    public long addNewPorts(String containerId, List<PortRule> rules) {
        String id = NatInputs.containerId(containerId);
        if (!rules.isEmpty()) {
            try {
                return netlink.add(CONTAINER_CHAIN + id, NatScript.PUBLISHED, CONTAINER_TAG + id, rules);
            } catch (io.sixcontainer.internal.net.link.NetlinkException e) {
                // The table or its base chains are missing: addPorts makes them through nft.
            }
        }
        return addPorts(id, rules);
    }

    /**
     * Removes the published ports of container {@code containerId}; nothing to remove is no error.
     *
     * @throws NftException when nft refuses
     */
    public void removePorts(String containerId) {
        removePorts(containerId, -1);
    }

    /**
     * {@link #removePorts(String)} given the handle {@link #addPorts} returned: over netlink,
     * with no nft process, while that handle is still the container's jump (else from a listing).
     */
    public void removePorts(String containerId, long jumpHandle) {
        String id = NatInputs.containerId(containerId);
        String chain = CONTAINER_CHAIN + id;
        if (jumpHandle >= 0) {
            try {
                if (netlink.remove(chain, NatScript.PUBLISHED, CONTAINER_TAG + id, jumpHandle)) {
                    return;
                }
            } catch (io.sixcontainer.internal.net.link.NetlinkException e) {
                // The listing below sees what is left.
            }
        }
        change("remove the published ports of container " + id, listing -> new NatScript(table)
                .dropChain(chain, listing.chains().contains(chain), listing.jumpsInto(chain)));
    }

    /** The containers that have rules here, in order; those whose container is gone leaked. */
    public Set<String> containerIds() {
        return list("list the containers in nft table " + table)
                .owners(CONTAINER_CHAIN, CONTAINER_TAG, NatInputs::isContainerId);
    }

    /** The networks that have rules here, in order; those whose network is gone leaked. */
    public Set<String> networkNames() {
        TableListing listing = list("list the networks in nft table " + table);
        Set<String> names = new TreeSet<>(listing.owners(NETWORK_NAT_CHAIN, NETWORK_TAG, NatInputs::isNetworkName));
        names.addAll(listing.owners(NETWORK_FORWARD_CHAIN, NETWORK_TAG, NatInputs::isNetworkName));
        names.addAll(listing.owners(NETWORK_GUARD_CHAIN, NETWORK_TAG, NatInputs::isNetworkName));
        return names;
    }

    /**
     * Deletes the whole table, if it exists: every network's and container's rules at once.
     *
     * @throws NftException when nft refuses
     */
    public void deleteTable() {
        if (exists("delete nft table " + table)) {
            try {
                nft.apply("delete nft table " + table, new NatScript(table).dropTable().toString());
            } catch (NftException e) {
                if (exists("delete nft table " + table)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs the transaction {@code script} makes from a fresh listing. A transaction fails whole
     * when another process deleted a rule it names in between; then the listing is read again.
     */
    private void change(String intent, Function<TableListing, NatScript> script) {
        NftException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            NatScript next = script.apply(list(intent));
            if (next.isEmpty()) {
                return;
            }
            try {
                nft.apply(intent, next.toString());
                return;
            } catch (NftException e) {
                last = e;
            }
        }
        throw last;
    }

    private TableListing list(String intent) {
        NftException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return TableListing.parse(nft.run(intent, null, "-j", "-a", "list", "table", "ip", table));
            } catch (NftException e) {
                // A missing table is an empty one. One that exists now may have been made by
                // another process since the listing failed: read it again.
                if (!exists(intent)) {
                    return TableListing.empty();
                }
                last = e;
            }
        }
        throw last;
    }

    private boolean exists(String intent) {
        return nft.run(intent, null, "list", "tables", "ip").lines()
                .anyMatch(line -> line.strip().equals("table ip " + table));
    }
}
