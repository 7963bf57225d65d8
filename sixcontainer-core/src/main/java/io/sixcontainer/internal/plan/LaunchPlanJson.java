package io.sixcontainer.internal.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.Namespace;
import io.sixcontainer.User;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import io.sixcontainer.internal.json.JsonValueReader;
import io.sixcontainer.internal.json.JsonValueWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link LaunchPlan} as {@code plan.json}: versioned, indented, every field written (nulls
 * too), read strictly (an unknown field, a missing section or another version is an error,
 * never a guess). jackson-core's streaming API, as for {@code state.json}: the launch path
 * loads no databind class. The sections' formats are in {@link PlanSectionsJson}.
 */
public final class LaunchPlanJson {

    private LaunchPlanJson() {
    }

    /** The JSON of {@code plan}. */
    public static byte[] write(LaunchPlan plan) throws IOException {
        return Json.write(true, g -> {
            g.writeStartObject();
            g.writeNumberField("version", LaunchPlan.VERSION);
            g.writeStringField("id", plan.id());
            image(g, plan.image());
            root(g, plan.root());
            process(g, plan.process());
            JsonValueWriter.strings(g, "namespaces", plan.namespaces().stream().map(Enum::name).sorted().toList());
            g.writeStringField("hostname", plan.hostname());
            PlanSectionsJson.mounts(g, "systemMounts", plan.systemMounts());
            PlanSectionsJson.mounts(g, "userMounts", plan.userMounts());
            PlanSectionsJson.confinement(g, plan.confinement());
            PlanSectionsJson.resources(g, plan.resources());
            PlanSectionsJson.cgroups(g, plan.cgroups());
            NetworkPlanJson.write(g, plan.network());
            g.writeBooleanField("detached", plan.detached());
            g.writeBooleanField("autoRemove", plan.autoRemove());
            g.writeEndObject();
        });
    }

    /** Reads a plan. */
    public static LaunchPlan read(JsonParser p) throws IOException {
        Parts x = new Parts();
        p.nextToken();
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "version" -> {
                    int v = JsonValueReader.intValue(p);
                    if (v != LaunchPlan.VERSION) {
                        throw new JsonMismatchException(p, "plan version " + v + ", this version reads "
                                + LaunchPlan.VERSION);
                    }
                    x.version = v;
                }
                case "id" -> x.id = JsonValueReader.string(p);
                case "image" -> x.image = readImage(p);
                case "root" -> x.root = readRoot(p);
                case "process" -> x.process = readProcess(p);
                case "namespaces" -> x.namespaces = namespaces(p);
                case "hostname" -> x.hostname = JsonValueReader.string(p);
                case "systemMounts" -> x.systemMounts = PlanSectionsJson.readMounts(p);
                case "userMounts" -> x.userMounts = PlanSectionsJson.readMounts(p);
                case "confinement" -> x.confinement = PlanSectionsJson.readConfinement(p);
                case "resources" -> x.resources = PlanSectionsJson.readResources(p);
                case "cgroups" -> x.cgroups = PlanSectionsJson.readCgroups(p);
                case "network" -> x.network = NetworkPlanJson.read(p);
                case "detached" -> x.detached = JsonValueReader.bool(p);
                case "autoRemove" -> x.autoRemove = JsonValueReader.bool(p);
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        if (x.version == 0 || x.id == null || x.root == null || x.process == null || x.namespaces == null
                || x.systemMounts == null || x.userMounts == null || x.confinement == null || x.resources == null
                || x.cgroups == null || x.network == null) {
            throw new JsonMismatchException(p, "a plan lacks a section (version, id, root, process, namespaces,"
                    + " mounts, confinement, resources, cgroups or network)");
        }
        return new LaunchPlan(x.id, x.image, x.root, x.process, x.namespaces, x.hostname, x.systemMounts, x.userMounts,
                x.confinement, x.resources, x.cgroups, x.network, x.detached, x.autoRemove);
    }

    private static final class Parts {
        int version;
        String id;
        ImageLayers image;
        RootMount root;
        ProcessPlan process;
        Set<Namespace> namespaces;
        String hostname;
        List<io.sixcontainer.internal.launch.MountStep> systemMounts;
        List<io.sixcontainer.internal.launch.MountStep> userMounts;
        ConfinementPlan confinement;
        io.sixcontainer.Resources resources;
        io.sixcontainer.internal.cgroup.CgroupPlacement cgroups;
        NetworkPlan network;
        boolean detached;
        boolean autoRemove;
    }

    private static void image(JsonGenerator g, ImageLayers image) throws IOException {
        if (image == null) {
            g.writeNullField("image");
            return;
        }
        g.writeObjectFieldStart("image");
        g.writeStringField("ref", image.ref());
        g.writeStringField("id", image.id());
        JsonValueWriter.strings(g, "layers", image.layers());
        g.writeEndObject();
    }

    private static ImageLayers readImage(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String[] ref = new String[2];
        List<List<String>> layers = new ArrayList<>(List.of(List.of()));
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "ref" -> ref[0] = JsonValueReader.string(p);
                case "id" -> ref[1] = JsonValueReader.string(p);
                case "layers" -> layers.set(0, JsonValueReader.texts(p));
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        return new ImageLayers(ref[0], ref[1], layers.getFirst());
    }

    private static void root(JsonGenerator g, RootMount root) throws IOException {
        g.writeObjectFieldStart("root");
        g.writeStringField("rootfs", root.rootfs().toString());
        g.writeStringField("overlayDir", root.overlayDir() == null ? null : root.overlayDir().toString());
        g.writeStringField("overlayOptions", root.overlayOptions());
        g.writeEndObject();
    }

    private static RootMount readRoot(JsonParser p) throws IOException {
        String[] v = new String[3];
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "rootfs" -> v[0] = JsonValueReader.string(p);
                case "overlayDir" -> v[1] = JsonValueReader.string(p);
                case "overlayOptions" -> v[2] = JsonValueReader.string(p);
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        if (v[0] == null || (v[1] == null) != (v[2] == null)) {
            throw new JsonMismatchException(p, "a root needs a rootfs, and an overlay both its dir and options");
        }
        return new RootMount(Path.of(v[0]), v[1] == null ? null : Path.of(v[1]), v[2]);
    }

    private static void process(JsonGenerator g, ProcessPlan process) throws IOException {
        g.writeObjectFieldStart("process");
        JsonValueWriter.strings(g, "args", process.args());
        PlanSectionsJson.stringMap(g, "env", process.env());
        g.writeStringField("workingDir", process.workingDir());
        User u = process.user();
        if (u == null) {
            g.writeNullField("user");
        } else {
            g.writeObjectFieldStart("user");
            g.writeStringField("user", u.user());
            g.writeStringField("group", u.group().orElse(null));
            JsonValueWriter.strings(g, "groups", u.supplementaryGroups());
            g.writeEndObject();
        }
        g.writeBooleanField("tty", process.tty());
        JsonValueWriter.strings(g, "stdio", process.stdio());
        g.writeEndObject();
    }

    private static ProcessPlan readProcess(JsonParser p) throws IOException {
        List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of()));
        Map<String, Map<String, String>> env = new LinkedHashMap<>(Map.of("env", Map.of()));
        String[] cwd = new String[1];
        User[] user = new User[1];
        boolean[] tty = new boolean[1];
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "args" -> lists.set(0, JsonValueReader.texts(p));
                case "env" -> env.put("env", PlanSectionsJson.readStringMap(p));
                case "workingDir" -> cwd[0] = JsonValueReader.string(p);
                case "user" -> user[0] = readUser(p);
                case "tty" -> tty[0] = JsonValueReader.bool(p);
                case "stdio" -> lists.set(1, JsonValueReader.texts(p));
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        if (lists.get(0).isEmpty() || cwd[0] == null) {
            throw new JsonMismatchException(p, "a process needs its args and working directory");
        }
        return new ProcessPlan(lists.get(0), env.get("env"), cwd[0], user[0], tty[0], lists.get(1));
    }

    private static User readUser(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String[] v = new String[2];
        List<List<String>> groups = new ArrayList<>(List.of(List.of()));
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "user" -> v[0] = JsonValueReader.string(p);
                case "group" -> v[1] = JsonValueReader.string(p);
                case "groups" -> groups.set(0, JsonValueReader.texts(p));
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        try {
            return User.parse(v[0] + (v[1] != null ? ":" + v[1] : "")).withGroups(groups.getFirst().toArray(String[]::new));
        } catch (InvalidSpecException | NullPointerException e) {
            throw new JsonMismatchException(p, "not a user: " + e.getMessage());
        }
    }

    private static Set<Namespace> namespaces(JsonParser p) throws IOException {
        Set<Namespace> out = EnumSet.noneOf(Namespace.class);
        JsonValueReader.elements(p, () -> out.add(JsonValueReader.enumValue(p, Namespace.class)));
        return out;
    }
}
