package io.sixcontainer.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A torn state.json (empty, cut short, zero-filled: what a power loss leaves of a file
 * written without fsync) reads as no record; whole JSON that does not map is an error. The
 * verdicts are the ones RecordFile gave with ObjectMapper.
 */
class RecordFileTest {

    enum Verdict { RECORD, NONE, ERROR }

    @TempDir
    Path dir;

    @Test
    void everyCutOfARecordReadsAsNone() throws Exception {
        byte[] whole = ContainerRecordJson.write(ContainerRecordJsonTest.full());
        assertThat(verdict(whole)).isEqualTo(Verdict.RECORD);
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            assertThat(verdict(cut)).as("the first %d bytes", n).isEqualTo(Verdict.NONE).isEqualTo(oldVerdict(cut));
        }
    }

    @Test
    void zeroFilledOrBlankReadsAsNone() throws Exception {
        for (byte[] torn : List.of(new byte[0], new byte[4096], " \n\t".getBytes(StandardCharsets.UTF_8),
                "{\"id\": \"x\"\0\0\0\0".getBytes(StandardCharsets.UTF_8))) {
            assertThat(verdict(torn)).isEqualTo(Verdict.NONE).isEqualTo(oldVerdict(torn));
        }
    }

    @Test
    void wholeJsonThatDoesNotMapIsAnError() throws Exception {
        for (String json : List.of("{\"id\": \"x\", \"future\": true}", "{\"pid\": [1]}", "[]", "42", "\"text\"",
                "{\"status\": \"PAUSED\"}")) {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            assertThat(verdict(b)).as(json).isEqualTo(Verdict.ERROR).isEqualTo(oldVerdict(b));
        }
    }

    /** Only the first value counts, as with ObjectMapper: what a torn tail leaves after it does not matter. */
    @Test
    void whatFollowsTheRecordIsIgnored() throws Exception {
        byte[] whole = ContainerRecordJson.write(ContainerRecordJsonTest.full());
        byte[] tail = Arrays.copyOf(whole, whole.length + 16);
        assertThat(verdict(tail)).isEqualTo(Verdict.RECORD).isEqualTo(oldVerdict(tail));
    }

    @Test
    void noFileIsNoRecord() throws Exception {
        assertThat(RecordFile.read(dir.resolve("missing.json"), ContainerRecordJson::read)).isEmpty();
    }

    private Verdict verdict(byte[] content) throws IOException {
        Path f = dir.resolve("state.json");
        Files.write(f, content);
        try {
            Optional<ContainerRecord> r = RecordFile.read(f, ContainerRecordJson::read);
            return r.isPresent() ? Verdict.RECORD : Verdict.NONE;
        } catch (JsonProcessingException e) {
            return Verdict.ERROR;
        }
    }

    /** RecordFile's rule with ObjectMapper, before ContainerRecordJson. */
    private static Verdict oldVerdict(byte[] content) {
        try {
            ContainerRecordJsonTest.OLD.readValue(content, ContainerRecord.class);
            return Verdict.RECORD;
        } catch (IOException mapping) {
            try {
                JsonNode whole = ContainerRecordJsonTest.OLD.readTree(content);
                return whole == null || whole.isMissingNode() ? Verdict.NONE : Verdict.ERROR;
            } catch (IOException notJson) {
                return Verdict.NONE;
            }
        }
    }
}
