package io.sixcontainer.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    }

    static ContainerRecord full() {
        ContainerRecord r = new ContainerRecord();
        r.version = 7;
        r.id = "0123456789abcdef".repeat(4);
        r.name = "naïve-容器-\uD83D\uDE80";
        r.status = ContainerStatus.EXITED;
        r.created = Instant.parse("2024-02-29T23:59:59.123456789Z");
        r.started = Instant.parse("2024-03-01T00:00:00Z");
        r.finished = Instant.ofEpochSecond(1_800_000_000L, 1000);
        r.pid = Integer.MAX_VALUE;
        r.pidStartTime = Long.MAX_VALUE;
        r.exitCode = 0;
        r.exitSignal = 9;
        r.oomKilled = true;
        r.launcherPid = 4242;
        r.launcherStartTime = 123_456_789_012L;
        return r;
    }

    static ContainerRecord nulls() {
        ContainerRecord r = new ContainerRecord();
        r.status = null;
        return r;
    }

    static ContainerRecord empties() {
        ContainerRecord r = new ContainerRecord();
        r.id = "";
        r.name = "";
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
    void nullsAreWritten() throws Exception {
        String json = new String(ContainerRecordJson.write(nulls()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\" : null", "\"status\" : null", "\"exitCode\" : null", "\"created\" : null");
    }

    /** What a version-1 record held that the plan holds now is skipped, in a version-1 record only. */
    @Test
    void aVersionOneRecordIsReadWithoutWhatThePlanHoldsNow() throws Exception {
        String v1 = "{\"version\": 1, \"id\": \"x\", \"image\": \"busybox\", \"command\": [\"sh\"],"
                + " \"env\": [\"A=1\"], \"workingDir\": \"/\", \"confinement\": \"AAEC\", \"user\": null,"
                + " \"cgroupParent\": \"sixcontainer\", \"detached\": true, \"autoRemove\": false, \"imageId\": null,"
                + " \"layers\": [], \"status\": \"EXITED\", \"exitCode\": 3}";
        ContainerRecord r = Json.read(v1.getBytes(StandardCharsets.UTF_8), ContainerRecordJson::read);
        assertThat(r.version).isEqualTo(1);
        assertThat(r.status).isEqualTo(ContainerStatus.EXITED);
        assertThat(r.exitCode).isEqualTo(3);
        assertRefused("{\"version\": 2, \"id\": \"x\", \"env\": []}", "unknown field \"env\"");
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
        assertRefused("{\"name\": [1]}", "/name: expected a string, not an array");
        assertRefused("{\"oomKilled\": null}", "/oomKilled: expected true or false, not null");
        assertRefused("[]", "the document: expected an object, not an array");
        assertRefused("null", "the document: expected an object, not null");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), ContainerRecordJson::read))
                .isInstanceOf(JsonMismatchException.class).hasMessageContaining(message);
    }
}
