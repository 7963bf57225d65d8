package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * images/*.json written by {@link ImageRecordJson} is what the ObjectMapper of earlier
 * versions wrote, byte for byte, and each reads what the other wrote.
 */
class ImageRecordJsonTest {

    /** ImageStore's mapper before ImageRecordJson. */
    private static final ObjectMapper OLD = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static ImageRecord full() {
        ImageRecord r = new ImageRecord();
        r.id = "sha256:" + "cd".repeat(32);
        r.created = Instant.parse("2025-01-02T03:04:05.000000006Z");
        r.layers = List.of("sha256:" + "01".repeat(32), "sha256:" + "02".repeat(32));
        r.config = new ImageConfig(List.of("PATH=/usr/bin", "LANG=ü.UTF-8"), List.of("/entry", "--flag"),
                List.of("arg \"quoted\"", "日本"), "/work", "1000:1000", List.of("80/tcp", "53/udp"));
        r.builtin = null;
        return r;
    }

    private static List<ImageRecord> samples() {
        ImageRecord empty = new ImageRecord();
        ImageRecord nulls = new ImageRecord();
        nulls.layers = null;
        nulls.config = null;
        nulls.builtin = "busybox";
        return List.of(full(), empty, nulls);
    }

    @Test
    void writesTheBytesTheOldMapperWrote() throws Exception {
        for (ImageRecord r : samples()) {
            assertThat(new String(ImageRecordJson.write(r), StandardCharsets.UTF_8))
                    .isEqualTo(new String(OLD.writeValueAsBytes(r), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachReadsWhatTheOtherWrote() throws Exception {
        for (ImageRecord r : samples()) {
            assertThat(Json.read(ImageRecordJson.write(r), ImageRecordJson::read)).usingRecursiveComparison().isEqualTo(r);
            assertThat(Json.read(OLD.writeValueAsBytes(r), ImageRecordJson::read)).usingRecursiveComparison().isEqualTo(r);
            assertThat(OLD.readValue(ImageRecordJson.write(r), ImageRecord.class)).usingRecursiveComparison().isEqualTo(r);
        }
    }

    /** Records from before images had a user: a missing field is what ImageConfig makes of null. */
    @Test
    void aConfigWithoutUserReadsAsRoot() throws Exception {
        String json = "{\"id\":\"sha256:00\",\"created\":\"2024-01-01T00:00:00Z\",\"layers\":[],"
                + "\"config\":{\"env\":[],\"entrypoint\":null,\"cmd\":[\"sh\"],\"workingDir\":\"\"},\"builtin\":null}";
        ImageRecord r = Json.read(json.getBytes(StandardCharsets.UTF_8), ImageRecordJson::read);
        assertThat(r.config).isEqualTo(new ImageConfig(List.of(), List.of(), List.of("sh"), "", ""));
        assertThat(r).usingRecursiveComparison().isEqualTo(OLD.readValue(json, ImageRecord.class));
    }

    @Test
    void aNullInAConfigListIsAMismatchNotANullPointer() {
        assertThatThrownBy(() -> Json.read("{\"config\": {\"cmd\": [\"sh\", null]}}".getBytes(StandardCharsets.UTF_8),
                ImageRecordJson::read)).isInstanceOf(JsonMismatchException.class).hasMessageContaining("/config/cmd");
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> Json.read("{\"config\": {\"Env\": []}}".getBytes(StandardCharsets.UTF_8),
                ImageRecordJson::read)).isInstanceOf(JsonMismatchException.class).hasMessageContaining("/config/Env");
    }
}
