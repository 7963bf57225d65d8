package io.sixcontainer.internal.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Network;
import io.sixcontainer.PublishedPort;
import io.sixcontainer.internal.json.JsonMismatchException;
import io.sixcontainer.internal.json.JsonValueReader;
import io.sixcontainer.internal.json.JsonValueWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code network} section of {@code plan.json}; published ports in docker's {@code -p} syntax. */
final class NetworkPlanJson {

    private NetworkPlanJson() {
    }

    static void write(JsonGenerator g, NetworkPlan n) throws IOException {
        g.writeObjectFieldStart("network");
        g.writeStringField("mode", n.mode().name());
        g.writeStringField("name", n.name());
        g.writeStringField("bridge", n.bridge());
        g.writeStringField("subnet", n.subnet());
        g.writeStringField("address", n.address());
        g.writeStringField("gateway", n.gateway());
        g.writeStringField("hostVeth", n.hostVeth());
        JsonValueWriter.strings(g, "aliases", n.aliases());
        JsonValueWriter.strings(g, "ports", n.ports().stream().map(PublishedPort::toString).toList());
        PlanSectionsJson.stringMap(g, "extraHosts", n.extraHosts());
        JsonValueWriter.strings(g, "dns", n.dns());
        g.writeEndObject();
    }

    static NetworkPlan read(JsonParser p) throws IOException {
        Map<String, String> s = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>(Map.of("aliases", List.of(), "ports", List.of(),
                "dns", List.of()));
        List<Map<String, String>> hosts = new ArrayList<>(List.of(Map.of()));
        JsonValueReader.fields(p, field -> {
            switch (field) {
                case "mode", "name", "bridge", "subnet", "address", "gateway", "hostVeth" ->
                        s.put(field, JsonValueReader.string(p));
                case "aliases", "ports", "dns" -> lists.put(field, JsonValueReader.texts(p));
                case "extraHosts" -> hosts.set(0, PlanSectionsJson.readStringMap(p));
                default -> throw JsonValueReader.unknownField(p, field);
            }
        });
        if (s.get("mode") == null || s.get("name") == null) {
            throw new JsonMismatchException(p, "a network needs its mode and name");
        }
        Network.Mode mode;
        List<PublishedPort> ports = new ArrayList<>();
        try {
            mode = Network.Mode.valueOf(s.get("mode"));
            for (String port : lists.get("ports")) {
                ports.add(PublishedPort.parse(port));
            }
        } catch (IllegalArgumentException | InvalidSpecException e) {
            throw new JsonMismatchException(p, "not a network: " + e.getMessage());
        }
        if (mode == Network.Mode.BRIDGE && (s.get("address") == null || s.get("bridge") == null
                || s.get("hostVeth") == null || s.get("subnet") == null)) {
            throw new JsonMismatchException(p, "a bridge network needs its bridge, subnet, address and host veth");
        }
        return new NetworkPlan(mode, s.get("name"), s.get("bridge"), s.get("subnet"), s.get("address"),
                s.get("gateway"), s.get("hostVeth"), lists.get("aliases"), ports, hosts.getFirst(), lists.get("dns"));
    }
}
