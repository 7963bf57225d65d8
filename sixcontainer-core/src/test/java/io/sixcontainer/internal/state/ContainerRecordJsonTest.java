package io.sixcontainer.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * state.json written by {@link ContainerRecordJson} is what the ObjectMapper of earlier
 * versions wrote, byte for byte, and each reads what the other wrote.
 */
class ContainerRecordJsonTest {

    /** StateStore's mapper before ContainerRecordJson: its config, and ContainerRecord's annotation then. */
    static final ObjectMapper OLD = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(ContainerRecord.class, OldAnnotations.class);

    abstract static class OldAnnotations {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public byte[] confinement;
    }

    static ContainerRecord full() {
        ContainerRecord r = new ContainerRecord();
        r.version = 7;
        r.id = "0123456789abcdef".repeat(4);
        r.name = "naïve-容器-\uD83D\uDE80";
        r.image = "busybox:latest";
        r.command = List.of("sh", "-c", "echo \"quoted\" \\ back\tslash\nnewline \u0001 ünïcödé");
        r.imageId = "sha256:" + "ab".repeat(32);
        r.layers = List.of("sha256:" + "01".repeat(32), "sha256:" + "02".repeat(32));
        r.env = List.of("PATH=/bin", "EMPTY=", "UNICODE=日本語");
        r.workingDir = "/home/ü";
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        r.confinement = all;
        r.user = new byte[] {1, 2, 3, 4, 5};
        r.status = ContainerStatus.EXITED;
        r.created = Instant.parse("2024-02-29T23:59:59.123456789Z");
        r.started = Instant.parse("2024-03-01T00:00:00Z");
        r.finished = Instant.ofEpochSecond(1_800_000_000L, 1000);
        r.pid = Integer.MAX_VALUE;
        r.pidStartTime = Long.MAX_VALUE;
        r.exitCode = 0;
        r.exitSignal = 9;
        r.oomKilled = true;
        r.cgroupParent = "sixcontainer.slice";
        r.detached = true;
        r.autoRemove = true;
        r.launcherPid = 4242;
        r.launcherStartTime = 123_456_789_012L;
        return r;
    }

    static ContainerRecord nulls() {
        ContainerRecord r = new ContainerRecord();
        r.command = null;
        r.layers = null;
        r.env = null;
        r.workingDir = null;
        r.status = null;
        return r;
    }

    static ContainerRecord empties() {
        ContainerRecord r = new ContainerRecord();
        r.id = "";
        r.name = "";
        r.image = "";
        r.command = List.of();
        r.layers = List.of();
        r.env = List.of("");
        r.workingDir = "";
        r.confinement = new byte[0];
        r.user = new byte[0];
        r.status = ContainerStatus.CREATED;
        r.created = Instant.EPOCH;
        r.pid = -1;
        r.pidStartTime = Long.MIN_VALUE;
        r.exitCode = Integer.MIN_VALUE;
        return r;
    }

    static List<ContainerRecord> samples() {
        return List.of(full(), nulls(), empties(), new ContainerRecord());
    }

    @Test
    void writesTheBytesTheOldMapperWrote() throws Exception {
        for (ContainerRecord r : samples()) {
            assertThat(new String(ContainerRecordJson.write(r), StandardCharsets.UTF_8))
                    .isEqualTo(new String(OLD.writeValueAsBytes(r), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsBackEveryField() throws Exception {
        for (ContainerRecord r : samples()) {
            ContainerRecord back = Json.read(ContainerRecordJson.write(r), ContainerRecordJson::read);
            assertThat(back).usingRecursiveComparison().isEqualTo(r);
        }
    }

    @Test
    void nullsAreWrittenButAMissingConfinementIsLeftOut() throws Exception {
        String json = new String(ContainerRecordJson.write(nulls()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\" : null", "\"command\" : null", "\"user\" : null", "\"status\" : null",
                "\"exitCode\" : null", "\"created\" : null").doesNotContain("confinement");
        assertThat(new String(ContainerRecordJson.write(empties()), StandardCharsets.UTF_8))
                .contains("\"confinement\" : \"\"", "\"command\" : [ ]");
    }

    @Test
    void readsWhatTheOldMapperWrote() throws Exception {
        ObjectMapper compact = OLD.copy().disable(SerializationFeature.INDENT_OUTPUT);
        for (ContainerRecord r : samples()) {
            assertThat(Json.read(OLD.writeValueAsBytes(r), ContainerRecordJson::read)).usingRecursiveComparison().isEqualTo(r);
            assertThat(Json.read(compact.writeValueAsBytes(r), ContainerRecordJson::read)).usingRecursiveComparison().isEqualTo(r);
        }
    }

    @Test
    void theOldMapperReadsWhatItWrites() throws Exception {
        for (ContainerRecord r : samples()) {
            assertThat(OLD.readValue(ContainerRecordJson.write(r), ContainerRecord.class)).usingRecursiveComparison().isEqualTo(r);
        }
    }

    @Test
    void missingFieldsKeepTheirDefaults() throws Exception {
        ContainerRecord r = Json.read("{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8), ContainerRecordJson::read);
        ContainerRecord expected = new ContainerRecord();
        expected.id = "x";
        assertThat(r).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void whatDoesNotMapIsRefusedNamingTheValue() {
        assertRefused("{\"id\": \"x\", \"future\": 1}", "unknown field \"future\"");
        assertRefused("{\"pid\": \"12\"}", "/pid: expected a 32-bit integer, not a string");
        assertRefused("{\"pid\": 4294967296}", "/pid: expected a 32-bit integer, not the number 4294967296");
        assertRefused("{\"pidStartTime\": 1.5}", "/pidStartTime: expected a 64-bit integer");
        assertRefused("{\"status\": \"PAUSED\"}", "/status: expected a ContainerStatus name");
        assertRefused("{\"created\": \"yesterday\"}", "/created: expected an ISO-8601 instant");
        assertRefused("{\"user\": \"not base64!\"}", "/user: expected a base64 string");
        assertRefused("{\"command\": \"sh\"}", "/command: expected an array, not a string");
        assertRefused("{\"command\": [1]}", "/command/0: expected a string, not the number 1");
        assertRefused("{\"oomKilled\": null}", "/oomKilled: expected true or false, not null");
        assertRefused("[]", "the document: expected an object, not an array");
        assertRefused("null", "the document: expected an object, not null");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), ContainerRecordJson::read))
                .isInstanceOf(JsonMismatchException.class).hasMessageContaining(message);
    }

    /** Lists come back mutable, as ObjectMapper made them (ArrayList), null elements kept. */
    @Test
    void listsAreMutableAndKeepNulls() throws Exception {
        ContainerRecord r = Json.read("{\"env\": [\"A=1\", null]}".getBytes(StandardCharsets.UTF_8), ContainerRecordJson::read);
        assertThat(r.env).isInstanceOf(ArrayList.class).containsExactly("A=1", null);
        assertThat(OLD.readValue("{\"env\": [\"A=1\", null]}", ContainerRecord.class).env).isEqualTo(r.env);
    }
}
