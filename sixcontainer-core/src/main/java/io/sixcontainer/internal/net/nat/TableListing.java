package io.sixcontainer.internal.net.nat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the kernel holds in our table, read from {@code nft -j -a list table}: the names of its
 * chains and every rule that jumps to another chain, with its handle. Ownership is read from
 * these: a container's or a network's rules are the chains named for it and the jumps to them.
 *
 * @param chains every chain of the table, in the kernel's order
 * @param jumps  every rule whose verdict is a jump or goto to a chain of this table
 */
record TableListing(Set<String> chains, List<Jump> jumps) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A rule that jumps to another chain.
     *
     * @param chain   the chain the rule is in
     * @param handle  the rule's handle, by which it is deleted
     * @param target  the chain it jumps to
     * @param comment its comment, or null
     */
    record Jump(String chain, long handle, String target, String comment) {
    }

    TableListing {
        chains = Set.copyOf(new LinkedHashSet<>(chains));
        jumps = List.copyOf(jumps);
    }

    /** An empty table, as a table that does not exist is read. */
    static TableListing empty() {
        return new TableListing(Set.of(), List.of());
    }

    /** Reads the JSON output of {@code nft -j -a list table <family> <table>}. */
    static TableListing parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("nft printed a listing that is not JSON: " + e.getOriginalMessage(), e);
        }
        Set<String> chains = new LinkedHashSet<>();
        List<Jump> jumps = new ArrayList<>();
        for (JsonNode item : root.path("nftables")) {
            JsonNode chain = item.get("chain");
            if (chain != null) {
                chains.add(chain.path("name").asText());
            }
            JsonNode rule = item.get("rule");
            if (rule != null) {
                for (JsonNode expr : rule.path("expr")) {
                    JsonNode verdict = expr.has("jump") ? expr.get("jump") : expr.get("goto");
                    if (verdict != null) {
                        jumps.add(new Jump(rule.path("chain").asText(), rule.path("handle").asLong(),
                                verdict.path("target").asText(), rule.hasNonNull("comment")
                                        ? rule.get("comment").asText() : null));
                    }
                }
            }
        }
        return new TableListing(chains, jumps);
    }

    /**
     * The rules that jump into {@code chain}: they, not their comments, are what keeps the
     * kernel from deleting it (one network's two chains share a comment).
     */
    List<Jump> jumpsInto(String chain) {
        return jumps.stream().filter(j -> j.target().equals(chain)).toList();
    }

    /**
     * The owners named by chains {@code prefix + owner} and by jump comments {@code tag + owner},
     * keeping only names {@code valid} accepts (a chain someone else added to our table is no owner).
     */
    Set<String> owners(String prefix, String tag, Predicate<String> valid) {
        Set<String> owners = new TreeSet<>();
        for (String chain : chains) {
            if (chain.startsWith(prefix)) {
                owners.add(chain.substring(prefix.length()));
            }
        }
        for (Jump jump : jumps) {
            if (jump.comment() != null && jump.comment().startsWith(tag)) {
                owners.add(jump.comment().substring(tag.length()));
            }
        }
        owners.removeIf(valid.negate());
        return owners;
    }
}
