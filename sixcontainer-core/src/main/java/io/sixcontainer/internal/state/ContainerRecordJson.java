package io.sixcontainer.internal.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonValueReader;
import io.sixcontainer.internal.json.JsonValueWriter;
import java.io.IOException;

/**
 * A {@link ContainerRecord} as {@code state.json}: the bytes ObjectMapper wrote for it before
 * (fields in declaration order, indented, {@code confinement} left out when null, other nulls
 * written), and read as strictly (a field it does not know is an error, so an older version
 * never loses what a newer one recorded).
 */
final class ContainerRecordJson {

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
        g.writeStringField("image", r.image);
        JsonValueWriter.strings(g, "command", r.command);
        g.writeStringField("imageId", r.imageId);
        JsonValueWriter.strings(g, "layers", r.layers);
        JsonValueWriter.strings(g, "env", r.env);
        g.writeStringField("workingDir", r.workingDir);
        if (r.confinement != null) {
            JsonValueWriter.binary(g, "confinement", r.confinement);
        }
        JsonValueWriter.binary(g, "user", r.user);
        JsonValueWriter.enumName(g, "status", r.status);
        JsonValueWriter.instant(g, "created", r.created);
        JsonValueWriter.instant(g, "started", r.started);
        JsonValueWriter.instant(g, "finished", r.finished);
        g.writeNumberField("pid", r.pid);
        g.writeNumberField("pidStartTime", r.pidStartTime);
        JsonValueWriter.integer(g, "exitCode", r.exitCode);
        JsonValueWriter.integer(g, "exitSignal", r.exitSignal);
        g.writeBooleanField("oomKilled", r.oomKilled);
        g.writeStringField("cgroupParent", r.cgroupParent);
        g.writeBooleanField("detached", r.detached);
        g.writeBooleanField("autoRemove", r.autoRemove);
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
                case "image" -> r.image = JsonValueReader.string(p);
                case "command" -> r.command = JsonValueReader.strings(p);
                case "imageId" -> r.imageId = JsonValueReader.string(p);
                case "layers" -> r.layers = JsonValueReader.strings(p);
                case "env" -> r.env = JsonValueReader.strings(p);
                case "workingDir" -> r.workingDir = JsonValueReader.string(p);
                case "confinement" -> r.confinement = JsonValueReader.binary(p);
                case "user" -> r.user = JsonValueReader.binary(p);
                case "status" -> r.status = JsonValueReader.enumValue(p, ContainerStatus.class);
                case "created" -> r.created = JsonValueReader.instant(p);
                case "started" -> r.started = JsonValueReader.instant(p);
                case "finished" -> r.finished = JsonValueReader.instant(p);
                case "pid" -> r.pid = JsonValueReader.intValue(p);
                case "pidStartTime" -> r.pidStartTime = JsonValueReader.longValue(p);
                case "exitCode" -> r.exitCode = JsonValueReader.integer(p);
                case "exitSignal" -> r.exitSignal = JsonValueReader.integer(p);
                case "oomKilled" -> r.oomKilled = JsonValueReader.bool(p);
                case "cgroupParent" -> r.cgroupParent = JsonValueReader.string(p);
                case "detached" -> r.detached = JsonValueReader.bool(p);
                case "autoRemove" -> r.autoRemove = JsonValueReader.bool(p);
                case "launcherPid" -> r.launcherPid = JsonValueReader.intValue(p);
                case "launcherStartTime" -> r.launcherStartTime = JsonValueReader.longValue(p);
                default -> throw JsonValueReader.unknownField(p, name);
            }
        });
        return r;
    }
}
