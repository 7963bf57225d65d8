package io.sixcontainer.internal.image;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonValueReader;
import io.sixcontainer.internal.json.JsonValueWriter;
import java.io.IOException;
import java.util.List;

/**
 * An {@link ImageRecord} as {@code images/<hex>.json}: the bytes ObjectMapper wrote for it
 * before (fields in declaration order, nulls written), read as strictly (a field it does not
 * know is an error).
 */
final class ImageRecordJson {

    private ImageRecordJson() {
    }

    /** The JSON of {@code r}. */
    static byte[] write(ImageRecord r) throws IOException {
        return Json.write(false, g -> {
            g.writeStartObject();
            g.writeStringField("id", r.id);
            JsonValueWriter.instant(g, "created", r.created);
            JsonValueWriter.strings(g, "layers", r.layers);
            g.writeFieldName("config");
            config(g, r.config);
            JsonValueWriter.strings(g, "repoDigests", r.repoDigests);
            g.writeStringField("builtin", r.builtin);
            g.writeEndObject();
        });
    }

    private static void config(JsonGenerator g, ImageConfig c) throws IOException {
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        JsonValueWriter.strings(g, "env", c.env());
        JsonValueWriter.strings(g, "entrypoint", c.entrypoint());
        JsonValueWriter.strings(g, "cmd", c.cmd());
        g.writeStringField("workingDir", c.workingDir());
        g.writeStringField("user", c.user());
        g.writeArrayFieldStart("exposedPorts");
        for (String port : c.exposedPorts()) {
            g.writeString(port);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("labels");
        for (var e : c.labels().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Reads a record; fields it lacks keep {@link ImageRecord}'s defaults. */
    static ImageRecord read(JsonParser p) throws IOException {
        ImageRecord r = new ImageRecord();
        p.nextToken();
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "id" -> r.id = JsonValueReader.string(p);
                case "created" -> r.created = JsonValueReader.instant(p);
                case "layers" -> r.layers = JsonValueReader.strings(p);
                case "config" -> r.config = config(p);
                case "builtin" -> r.builtin = JsonValueReader.string(p);
                case "repoDigests" -> {
                    List<String> digests = JsonValueReader.strings(p);
                    r.repoDigests = digests == null ? new java.util.ArrayList<>() : digests;
                }
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        return r;
    }

    // Missing or null fields are what ImageConfig's constructor makes of null.
    private static ImageConfig config(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        List<String> env = null;
        List<String> entrypoint = null;
        List<String> cmd = null;
        String workingDir = null;
        String user = null;
        List<String> exposedPorts = null;
        java.util.Map<String, String> labels = null;
        JsonValueReader.startObject(p);
        for (String name = JsonValueReader.nextField(p); name != null; name = JsonValueReader.nextField(p)) {
            switch (name) {
                case "env" -> env = JsonValueReader.texts(p);
                case "entrypoint" -> entrypoint = JsonValueReader.texts(p);
                case "cmd" -> cmd = JsonValueReader.texts(p);
                case "workingDir" -> workingDir = JsonValueReader.string(p);
                case "user" -> user = JsonValueReader.string(p);
                case "exposedPorts" -> exposedPorts = JsonValueReader.texts(p);
                case "labels" -> labels = labels(p);
                default -> throw JsonValueReader.unknownField(p, name);
            }
        }
        return new ImageConfig(env, entrypoint, cmd, workingDir, user, exposedPorts, labels);
    }

    private static java.util.Map<String, String> labels(JsonParser p) throws IOException {
        java.util.Map<String, String> labels = new java.util.TreeMap<>();
        JsonValueReader.startObject(p);
        for (String name = JsonValueReader.nextField(p); name != null; name = JsonValueReader.nextField(p)) {
            labels.put(name, JsonValueReader.string(p));
        }
        return labels;
    }
}
