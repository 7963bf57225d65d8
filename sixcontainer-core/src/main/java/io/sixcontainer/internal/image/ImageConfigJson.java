package io.sixcontainer.internal.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The image config document shared by OCI and docker images
 * (https://github.com/opencontainers/image-spec/blob/main/config.md): what containers get by
 * default, and the layers' diff_ids.
 *
 * @param config  the container defaults
 * @param diffIds {@code rootfs.diff_ids}: the sha256 of each uncompressed layer tar, bottom to top
 * @param platform {@code os/architecture[/variant]} the image is built for ({@code linux/amd64} when it names none)
 */
public record ImageConfigJson(ImageConfig config, List<String> diffIds, String platform) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a config document; {@code what} names it in errors. */
    public static ImageConfigJson parse(byte[] json, String what) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException(what + ": not a JSON object");
        }
        JsonNode c = root.path("config");
        ImageConfig config = new ImageConfig(strings(c.path("Env"), what), strings(c.path("Entrypoint"), what),
                strings(c.path("Cmd"), what), c.path("WorkingDir").asText(""), c.path("User").asText(""),
                exposedPorts(c.path("ExposedPorts"), what), labels(c.path("Labels"), what));
        List<String> diffIds = strings(root.path("rootfs").path("diff_ids"), what);
        for (String d : diffIds) {
            if (!Digests.isSha256(d)) {
                throw new IOException(what + ": bad diff_id " + d);
            }
        }
        String platform = root.path("os").asText("linux") + "/" + root.path("architecture").asText("amd64")
                + (root.path("variant").isTextual() ? "/" + root.path("variant").asText() : "");
        return new ImageConfigJson(config, diffIds, platform);
    }

    /** The config document for {@code config} over layers with {@code diffIds}, for this machine's architecture. */
    static byte[] write(ImageConfig config, List<String> diffIds) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", goArch());
        root.put("os", "linux");
        ObjectNode c = root.putObject("config");
        putStrings(c, "Env", config.env());
        putStrings(c, "Entrypoint", config.entrypoint());
        putStrings(c, "Cmd", config.cmd());
        if (!config.workingDir().isEmpty()) {
            c.put("WorkingDir", config.workingDir());
        }
        if (!config.user().isEmpty()) {
            c.put("User", config.user());
        }
        if (!config.labels().isEmpty()) {
            ObjectNode labels = c.putObject("Labels");
            config.labels().forEach(labels::put);
        }
        if (!config.exposedPorts().isEmpty()) {
            ObjectNode ports = c.putObject("ExposedPorts");
            config.exposedPorts().forEach(port -> ports.putObject(port));
        }
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        putStrings(rootfs, "diff_ids", diffIds);
        return JSON.writeValueAsBytes(root);
    }

    // {"80/tcp": {}, "53/udp": {}}: the keys, checked; a port without a protocol is TCP, as docker reads it.
    private static List<String> exposedPorts(JsonNode node, String what) throws IOException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new IOException(what + ": ExposedPorts is not an object");
        }
        List<String> out = new java.util.ArrayList<>();
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String port = key.contains("/") ? key : key + "/tcp";
            if (!port.matches("([1-9][0-9]{0,4})/(tcp|udp)") || Integer.parseInt(port.substring(0, port.indexOf('/'))) > 65535) {
                throw new IOException(what + ": bad exposed port '" + key + "'");
            }
            out.add(port);
        }
        return out;
    }

    // {"k": "v"}: string values only, as docker writes them.
    private static java.util.Map<String, String> labels(JsonNode node, String what) throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IOException(what + ": Labels is not an object");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IOException(what + ": label '" + e.getKey() + "' is not a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** This JVM's architecture as OCI names it (Go's GOARCH). */
    static String goArch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    private static void putStrings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = node.putArray(field);
            values.forEach(a::add);
        }
    }

    /** A JSON array of strings; missing or null is empty. */
    static List<String> strings(JsonNode node, String what) throws IOException {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IOException(what + ": expected an array of strings, got " + node);
        }
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new IOException(what + ": expected a string, got " + n);
            }
            out.add(n.asText());
        }
        return out;
    }
}
