package io.sixcontainer.internal.net.nat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the kernel holds in a table, read with nft's JSON listing and rendered independently of
 * {@link NatScript}: each rule becomes nft-like text from its JSON expressions, so a test compares
 * the kernel's rules with text it wrote itself.
 *
 * @param exists whether the table exists
 * @param chains chain name → its base-chain definition ("nat prerouting -100") or "" for a regular chain
 * @param rules  chain name → its rules, rendered
 */
record KernelTable(boolean exists, Map<String, String> chains, Map<String, List<String>> rules) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code table ip <name>} now. */
    static KernelTable read(String name) throws IOException, InterruptedException {
        String tables = Shell.run("nft", "list", "tables", "ip");
        if (tables.lines().noneMatch(l -> l.strip().equals("table ip " + name))) {
            return new KernelTable(false, Map.of(), Map.of());
        }
        JsonNode root = JSON.readTree(Shell.run("nft", "-j", "list", "table", "ip", name));
        Map<String, String> chains = new TreeMap<>();
        Map<String, List<String>> rules = new TreeMap<>();
        for (JsonNode item : root.path("nftables")) {
            JsonNode chain = item.get("chain");
            if (chain != null) {
                chains.put(chain.path("name").asText(), chain.has("hook")
                        ? chain.path("type").asText() + " " + chain.path("hook").asText() + " "
                                + chain.path("prio").asInt() + " " + chain.path("policy").asText()
                        : "");
                rules.putIfAbsent(chain.path("name").asText(), new ArrayList<>());
            }
            JsonNode rule = item.get("rule");
            if (rule != null) {
                rules.computeIfAbsent(rule.path("chain").asText(), c -> new ArrayList<>()).add(render(rule));
            }
        }
        return new KernelTable(true, chains, rules);
    }

    /** The rules of {@code chain}, empty when it does not exist. */
    List<String> rulesOf(String chain) {
        return rules.getOrDefault(chain, List.of());
    }

    /** Every rule of every chain, as "chain: rule". */
    Set<String> allRules() {
        Set<String> all = new LinkedHashSet<>();
        rules.forEach((chain, list) -> list.forEach(r -> all.add(chain + ": " + r)));
        return all;
    }

    private static String render(JsonNode rule) {
        List<String> parts = new ArrayList<>();
        for (JsonNode expr : rule.path("expr")) {
            parts.add(renderExpr(expr));
        }
        if (rule.hasNonNull("comment")) {
            parts.add("comment " + rule.get("comment").asText());
        }
        return String.join(" ", parts);
    }

    private static String renderExpr(JsonNode expr) {
        String kind = expr.fieldNames().next();
        JsonNode body = expr.get(kind);
        return switch (kind) {
            case "match" -> operand(body.get("left")) + ("!=".equals(body.path("op").asText()) ? " != " : " ")
                    + operand(body.get("right"));
            case "dnat" -> "dnat to " + body.path("addr").asText() + ":" + body.path("port").asText();
            case "jump", "goto" -> kind + " " + body.path("target").asText();
            default -> kind;
        };
    }

    private static String operand(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(operand(n)));
            return String.join(",", items);
        }
        if (!node.isObject()) {
            return node.asText();
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        return switch (kind) {
            case "payload" -> body.path("protocol").asText() + " " + body.path("field").asText();
            case "meta" -> body.path("key").asText();
            case "ct" -> "ct " + body.path("key").asText();
            case "fib" -> "fib " + operand(body.path("flags")) + " " + body.path("result").asText();
            case "prefix" -> body.path("addr").asText() + "/" + body.path("len").asText();
            default -> node.toString();
        };
    }
}
