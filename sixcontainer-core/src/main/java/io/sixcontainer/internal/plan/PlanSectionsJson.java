package io.sixcontainer.internal.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Resources;
import io.sixcontainer.Security;
import io.sixcontainer.internal.cgroup.CgroupPlacement;
import io.sixcontainer.internal.json.JsonMismatchException;
import io.sixcontainer.internal.json.JsonValueReader;
import io.sixcontainer.internal.json.JsonValueWriter;
import io.sixcontainer.internal.launch.MountStep;
import io.sixcontainer.internal.launch.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The sections of {@code plan.json} with a format of their own: mounts, confinement, resources, cgroups. */
final class PlanSectionsJson {

    private PlanSectionsJson() {
    }

    static void mounts(JsonGenerator g, String field, List<MountStep> steps) throws IOException {
        g.writeArrayFieldStart(field);
        for (MountStep s : steps) {
            g.writeStartObject();
            g.writeStringField("op", s.op().name());
            g.writeNumberField("mode", s.mode());
            g.writeNumberField("flags", s.flags());
            g.writeNumberField("dev", s.dev());
            g.writeStringField("source", s.source());
            g.writeStringField("target", s.target());
            g.writeStringField("fstype", s.fstype());
            g.writeStringField("data", s.data());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static List<MountStep> readMounts(JsonParser p) throws IOException {
        List<MountStep> out = new ArrayList<>();
        JsonValueReader.elements(p, () -> {
            Map<String, Object> v = new HashMap<>();
            JsonValueReader.fields(p, name -> v.put(name, switch (name) {
                case "op" -> JsonValueReader.enumValue(p, Protocol.MountOp.class);
                case "mode" -> JsonValueReader.intValue(p);
                case "flags", "dev" -> JsonValueReader.longValue(p);
                case "source", "target", "fstype", "data" -> JsonValueReader.string(p);
                default -> throw JsonValueReader.unknownField(p, name);
            }));
            if (v.size() != 8 || v.containsValue(null)) {
                throw new JsonMismatchException(p, "a mount step needs op, mode, flags, dev, source, target, fstype"
                        + " and data");
            }
            out.add(new MountStep((Protocol.MountOp) v.get("op"), (Integer) v.get("mode"), (Long) v.get("flags"),
                    (Long) v.get("dev"), (String) v.get("source"), (String) v.get("target"), (String) v.get("fstype"),
                    (String) v.get("data")));
        });
        return out;
    }

    static void confinement(JsonGenerator g, ConfinementPlan c) throws IOException {
        g.writeObjectFieldStart("confinement");
        JsonValueWriter.strings(g, "capabilities", c.capabilities());
        g.writeBooleanField("noNewPrivileges", c.noNewPrivileges());
        JsonValueWriter.enumName(g, "seccomp", c.seccomp());
        g.writeStringField("seccompProfile", c.seccompProfile());
        JsonValueWriter.strings(g, "maskedPaths", c.maskedPaths());
        JsonValueWriter.strings(g, "readonlyPaths", c.readonlyPaths());
        g.writeObjectFieldStart("rlimits");
        for (Map.Entry<String, Security.Rlimit> e : c.rlimits().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            g.writeNumber(e.getValue().soft());
            g.writeNumber(e.getValue().hard());
            g.writeEndArray();
        }
        g.writeEndObject();
        JsonValueWriter.integer(g, "oomScoreAdj", c.oomScoreAdj());
        JsonValueWriter.strings(g, "deviceRules", c.deviceRules());
        g.writeEndObject();
    }

    static ConfinementPlan readConfinement(JsonParser p) throws IOException {
        Map<String, Object> v = new HashMap<>();
        Map<String, Security.Rlimit> rlimits = new LinkedHashMap<>();
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "capabilities", "maskedPaths", "readonlyPaths", "deviceRules" -> v.put(name, JsonValueReader.texts(p));
                case "noNewPrivileges" -> v.put(name, JsonValueReader.bool(p));
                case "seccomp" -> v.put(name, JsonValueReader.enumValue(p, ConfinementPlan.Seccomp.class));
                case "seccompProfile" -> v.put(name, JsonValueReader.string(p));
                case "oomScoreAdj" -> v.put(name, JsonValueReader.integer(p));
                case "rlimits" -> JsonValueReader.fields(p, limit -> {
                    long[] pair = new long[2];
                    int[] n = {0};
                    JsonValueReader.elements(p, () -> pair[Math.min(n[0]++, 1)] = JsonValueReader.longValue(p));
                    if (n[0] != 2) {
                        throw new JsonMismatchException(p, "rlimit " + limit + " needs [soft, hard]");
                    }
                    rlimits.put(limit, new Security.Rlimit(pair[0], pair[1]));
                });
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        if (v.get("seccomp") == null || !v.containsKey("capabilities") || !v.containsKey("noNewPrivileges")) {
            throw new JsonMismatchException(p, "confinement needs capabilities, noNewPrivileges and seccomp");
        }
        try {
            return new ConfinementPlan(list(v, "capabilities"), (Boolean) v.get("noNewPrivileges"),
                    (ConfinementPlan.Seccomp) v.get("seccomp"), (String) v.get("seccompProfile"),
                    list(v, "maskedPaths"), list(v, "readonlyPaths"), rlimits, (Integer) v.get("oomScoreAdj"),
                    list(v, "deviceRules"));
        } catch (IllegalArgumentException e) {
            throw new JsonMismatchException(p, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> v, String key) {
        return (List<String>) v.getOrDefault(key, List.of());
    }

    static void resources(JsonGenerator g, Resources r) throws IOException {
        g.writeObjectFieldStart("resources");
        optional(g, "memory", r.memory());
        optional(g, "memorySwap", r.memorySwap());
        optional(g, "cpuShares", r.cpuShares());
        OptionalDouble cpus = r.cpus();
        if (cpus.isPresent()) {
            g.writeNumberField("cpus", cpus.getAsDouble());
        } else {
            g.writeNullField("cpus");
        }
        g.writeStringField("cpusetCpus", r.cpusetCpus().orElse(null));
        g.writeStringField("cpusetMems", r.cpusetMems().orElse(null));
        optional(g, "pidsMax", r.pidsMax());
        g.writeStringField("cgroupParent", r.cgroupParent());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.getAsLong());
        } else {
            g.writeNullField(name);
        }
    }

    static Resources readResources(JsonParser p) throws IOException {
        Resources.Builder b = Resources.builder();
        JsonValueReader.fields(p, name -> {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            switch (name) {
                case "memory" -> b.memory(JsonValueReader.longValue(p));
                case "memorySwap" -> b.memorySwap(JsonValueReader.longValue(p));
                case "cpuShares" -> b.cpuShares(JsonValueReader.longValue(p));
                case "cpus" -> {
                    if (!p.currentToken().isNumeric()) {
                        throw new JsonMismatchException(p, "cpus must be a number");
                    }
                    b.cpus(p.getDoubleValue());
                }
                case "cpusetCpus" -> b.cpusetCpus(JsonValueReader.string(p));
                case "cpusetMems" -> b.cpusetMems(JsonValueReader.string(p));
                case "pidsMax" -> b.pidsMax(JsonValueReader.longValue(p));
                case "cgroupParent" -> b.cgroupParent(JsonValueReader.string(p));
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        try {
            return b.build();
        } catch (InvalidSpecException e) {
            throw new JsonMismatchException(p, "resources: " + e.getMessage());
        }
    }

    static void cgroups(JsonGenerator g, CgroupPlacement c) throws IOException {
        g.writeObjectFieldStart("cgroups");
        g.writeBooleanField("unified", c.unified());
        g.writeStringField("parent", c.parent());
        g.writeArrayFieldStart("cgroups");
        for (CgroupPlacement.Placed placed : c.cgroups()) {
            g.writeStartObject();
            JsonValueWriter.strings(g, "controllers", placed.controllers());
            g.writeStringField("mountPoint", placed.mountPoint().toString());
            g.writeStringField("base", placed.base().toString());
            g.writeStringField("dir", placed.dir().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static CgroupPlacement readCgroups(JsonParser p) throws IOException {
        boolean[] unified = new boolean[1];
        String[] parent = new String[1];
        List<CgroupPlacement.Placed> placed = new ArrayList<>();
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "unified" -> unified[0] = JsonValueReader.bool(p);
                case "parent" -> parent[0] = JsonValueReader.string(p);
                case "cgroups" -> JsonValueReader.elements(p, () -> placed.add(readPlaced(p)));
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        if (parent[0] == null || placed.isEmpty()) {
            throw new JsonMismatchException(p, "cgroups need a parent and at least one cgroup");
        }
        return new CgroupPlacement(unified[0], parent[0], placed);
    }

    private static CgroupPlacement.Placed readPlaced(JsonParser p) throws IOException {
        Map<String, String> v = new HashMap<>();
        List<List<String>> controllers = new ArrayList<>(List.of(List.of()));
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "controllers" -> controllers.set(0, JsonValueReader.texts(p));
                case "mountPoint", "base", "dir" -> v.put(name, JsonValueReader.string(p));
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        if (v.size() != 3 || v.containsValue(null)) {
            throw new JsonMismatchException(p, "a cgroup needs its mountPoint, base and dir");
        }
        Path dir = Path.of(v.get("dir"));
        if (!dir.isAbsolute()) {
            throw new JsonMismatchException(p, "a cgroup dir must be absolute: " + dir);
        }
        return new CgroupPlacement.Placed(controllers.getFirst(), Path.of(v.get("mountPoint")), Path.of(v.get("base")), dir);
    }

    static void stringMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    static Map<String, String> readStringMap(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        JsonValueReader.fields(p, name -> {
            String value = JsonValueReader.string(p);
            if (value == null) {
                throw new JsonMismatchException(p, "expected a string, not null");
            }
            out.put(name, value);
        });
        return out;
    }
}
