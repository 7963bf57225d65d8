package io.sixcontainer.internal.net.nat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the text of one nft transaction on our table. Every value it is given has been
 * checked by {@link NatInputs} or is an {@link java.net.Inet4Address}; interface names are
 * quoted all the same, so one that happens to be an nft keyword ({@code ip}, {@code tcp}) is
 * still read as a name.
 */
final class NatScript {

    /** The base chain that drops what a bridge sends to loopback addresses (before conntrack). */
    static final String GUARD = "guard";

    /** The regular chain both dstnat hooks jump to, for local destinations only. */
    static final String PUBLISHED = "published";

    // A chain name that came from a listing goes back into a script only if nft reads it as
    // one identifier; our table holds no other kind unless someone added it by hand.
    private static final Pattern LISTED_CHAIN = Pattern.compile("[a-zA-Z][a-zA-Z0-9_./-]{0,254}");

    private final String family;
    private final StringBuilder text = new StringBuilder();

    NatScript(String table) {
        this.family = "ip " + NatInputs.tableName(table);
    }

    /**
     * Our table and its base chains, made if missing. {@code add} leaves what exists alone, so
     * any number of processes may run this at once; the two dstnat guards are flushed and
     * written again in the same transaction, so there is always exactly one of each.
     */
    NatScript baseChains() {
        line("add table " + family);
        line(baseChain("prerouting", "nat", "prerouting", "dstnat"));
        // nft 1.0.6 knows "dstnat" for the prerouting hook only; -100 is its value.
        line(baseChain("output", "nat", "output", "-100"));
        line(baseChain("postrouting", "nat", "postrouting", "srcnat"));
        line(baseChain("forward", "filter", "forward", "filter"));
        line(baseChain(GUARD, "filter", "prerouting", "raw"));
        line("add chain " + family + " " + PUBLISHED);
        for (String hook : List.of("prerouting", "output")) {
            line("flush chain " + family + " " + hook);
            // Only traffic for an address of this host: a packet routed through it to another
            // destination keeps its port, whatever we publish.
            line("add rule " + family + " " + hook + " fib daddr type local jump " + PUBLISHED);
        }
        return this;
    }

    /**
     * Replaces {@code chain} with one holding {@code rules}, entered by a single jump from
     * {@code from} that carries {@code comment}. {@code oldJumps} are the jumps into it the
     * listing showed; they are deleted, so the chain ends with one jump even if two processes
     * added it at once.
     */
    NatScript ownedChain(String chain, List<String> rules, String from, String comment,
            List<TableListing.Jump> oldJumps) {
        deleteJumps(oldJumps);
        line("add chain " + family + " " + chain);
        line("flush chain " + family + " " + chain);
        for (String rule : rules) {
            line("add rule " + family + " " + chain + " " + rule);
        }
        line("add rule " + family + " " + from + " jump " + chain + " comment \"" + comment + "\"");
        return this;
    }

    /** Deletes {@code jumps} and then {@code chain} with its rules, if {@code exists}. */
    NatScript dropChain(String chain, boolean exists, List<TableListing.Jump> jumps) {
        deleteJumps(jumps);
        if (exists) {
            // flush first: a kernel that refuses to delete a chain with rules still takes it.
            line("flush chain " + family + " " + chain);
            line("delete chain " + family + " " + chain);
        }
        return this;
    }

    /** Deletes the whole table. */
    NatScript dropTable() {
        line("delete table " + family);
        return this;
    }

    /** Whether the script holds no command. */
    boolean isEmpty() {
        return text.isEmpty();
    }

    /** The masquerade rules of a network (its postrouting chain). */
    static List<String> masquerade(String bridge, String subnet) {
        String br = quoted(bridge);
        return List.of(
                // Outbound: the host's address on the way out replaces the container's.
                "ip saddr " + subnet + " oifname != " + br + " masquerade",
                // A port published to 127.0.0.1: the container cannot answer a loopback
                // source, so the bridge address replaces it (needs route_localnet).
                "ip saddr 127.0.0.0/8 oifname " + br + " masquerade",
                // Hairpin: a container reaching a published port of its own network would
                // get the answer straight from the peer and drop it; make it come back via us.
                "ct status dnat ip saddr " + subnet + " oifname " + br + " masquerade");
    }

    /** The forward rules of a network (its filter chain). */
    static List<String> forward(String bridge) {
        String br = quoted(bridge);
        // The base chain accepts by default: these rules only drop what enters the bridge from
        // another interface (another network's bridge, the host's uplink) unless it answers the
        // bridge's own traffic or is a published port. No rule accepts traffic leaving the bridge:
        // the chain of a network jumped to earlier would then let it into a later network's bridge.
        return List.of(
                "oifname " + br + " ct state established,related accept",
                "oifname " + br + " ct status dnat accept",
                "oifname " + br + " iifname != " + br + " drop");
    }

    /**
     * The guard rule of a network: route_localnet on its bridge (which a port published on
     * 127.0.0.1 needs) would otherwise let a container with a raw socket reach the host's
     * loopback-only services by sending to 127.0.0.0/8 via the bridge (the CVE-2020-8558
     * class). Replies to a published port's loopback clients still arrive addressed to the
     * bridge's address here, before conntrack undoes the masquerade.
     */
    static List<String> loopbackGuard(String bridge) {
        return List.of("iifname " + quoted(bridge) + " ip daddr 127.0.0.0/8 drop");
    }

    /** The DNAT rule of one published port (in the container's chain). */
    static String dnat(PortRule rule) {
        String proto = rule.transport().nftName();
        return (rule.hostIp() == null ? "" : "ip daddr " + rule.hostIp().getHostAddress() + " ")
                + proto + " dport " + rule.hostPort()
                + " dnat to " + rule.containerIp().getHostAddress() + ":" + rule.containerPort();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void deleteJumps(List<TableListing.Jump> jumps) {
        for (TableListing.Jump jump : jumps) {
            if (!LISTED_CHAIN.matcher(jump.chain()).matches()) {
                throw new IllegalStateException("chain '" + jump.chain() + "' of table " + family
                        + " was not made by sixcontainer and cannot be named in a script");
            }
            line("delete rule " + family + " " + jump.chain() + " handle " + jump.handle());
        }
    }

    private String baseChain(String name, String type, String hook, String priority) {
        return "add chain " + family + " " + name + " { type " + type + " hook " + hook + " priority " + priority
                + "; policy accept; }";
    }

    private static String quoted(String interfaceName) {
        return "\"" + NatInputs.interfaceName(interfaceName) + "\"";
    }

    private void line(String command) {
        text.append(command).append('\n');
    }
}
