package io.sixcontainer.internal.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonValueReader;
import io.sixcontainer.internal.json.JsonValueWriter;
import java.io.IOException;

/**
 * A {@link ContainerRecord} as {@code state.json}: fields in declaration order, indented,
 * nulls written; read strictly (a field it does not know is an error, so an older version
 * never loses what a newer one recorded).
 */
final class ContainerRecordJson {

    private static final java.util.Set<String> VERSION_1_FIELDS = java.util.Set.of("image", "command", "imageId",
            "layers", "env", "workingDir", "confinement", "user", "cgroupParent", "detached", "autoRemove");

    private ContainerRecordJson() {
    }

    /** The JSON of {@code r}. */
    static byte[] write(ContainerRecord r) throws IOException {
        return Json.write(true, g -> fields(g, r));
    }

    private static void fields(JsonGenerator g, ContainerRecord r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", r.version);
        g.writeStringField("id", r.id);
        g.writeStringField("name", r.name);
        JsonValueWriter.enumName(g, "status", r.status);
        JsonValueWriter.instant(g, "created", r.created);
        JsonValueWriter.instant(g, "started", r.started);
        JsonValueWriter.instant(g, "finished", r.finished);
        g.writeNumberField("pid", r.pid);
        g.writeNumberField("pidStartTime", r.pidStartTime);
        JsonValueWriter.integer(g, "exitCode", r.exitCode);
        JsonValueWriter.integer(g, "exitSignal", r.exitSignal);
        g.writeBooleanField("oomKilled", r.oomKilled);
        g.writeNumberField("launcherPid", r.launcherPid);
        g.writeNumberField("launcherStartTime", r.launcherStartTime);
        g.writeEndObject();
    }

    /** Reads a record; fields it lacks keep {@link ContainerRecord}'s defaults. */
    static ContainerRecord read(JsonParser p) throws IOException {
        ContainerRecord r = new ContainerRecord();
        p.nextToken();
        JsonValueReader.fields(p, name -> {
            switch (name) {
                case "version" -> r.version = JsonValueReader.intValue(p);
                case "id" -> r.id = JsonValueReader.string(p);
                case "name" -> r.name = JsonValueReader.string(p);
                case "status" -> r.status = JsonValueReader.enumValue(p, ContainerStatus.class);
                case "created" -> r.created = JsonValueReader.instant(p);
                case "started" -> r.started = JsonValueReader.instant(p);
                case "finished" -> r.finished = JsonValueReader.instant(p);
                case "pid" -> r.pid = JsonValueReader.intValue(p);
                case "pidStartTime" -> r.pidStartTime = JsonValueReader.longValue(p);
                case "exitCode" -> r.exitCode = JsonValueReader.integer(p);
                case "exitSignal" -> r.exitSignal = JsonValueReader.integer(p);
                case "oomKilled" -> r.oomKilled = JsonValueReader.bool(p);
                case "launcherPid" -> r.launcherPid = JsonValueReader.intValue(p);
                case "launcherStartTime" -> r.launcherStartTime = JsonValueReader.longValue(p);
                default -> {
                    // What a version-1 record held that the plan holds now: such a container
                    // can be listed, stopped and removed, no more (docs/state.md).
                    if (r.version != 1 || !VERSION_1_FIELDS.contains(name)) {
                        throw JsonValueReader.unknownField(p, name);
                    }
                    p.skipChildren();
                }
            }
        });
        return r;
    }
}
