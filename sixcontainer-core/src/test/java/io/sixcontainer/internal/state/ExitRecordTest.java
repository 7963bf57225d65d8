package io.sixcontainer.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the monitor's exit record reads as, whole, cut short or damaged. */
class ExitRecordTest {

    @TempDir
    Path dir;

    private java.util.Optional<ExitRecord> read(String content) throws IOException {
        Files.writeString(dir.resolve(ExitRecord.FILE), content);
        return ExitRecord.read(dir);
    }

    @Test
    void readsWhatTheMonitorWrites() throws IOException {
        assertThat(read("exit 3 1796000000123456789\n")).contains(
                new ExitRecord(ExitStatus.exited(3), Instant.ofEpochSecond(1_796_000_000L, 123_456_789)));
        assertThat(read("signal 9 1796000000000000000\n").map(ExitRecord::status)).contains(ExitStatus.signaled(9));
        assertThat(ExitRecord.read(dir.resolve("none"))).isEmpty();
    }

    @Test
    void aRecordCutShortOrDamagedReadsAsNone() throws IOException {
        assertThat(read("exit 3 17960000")).isEmpty();
        assertThat(read("")).isEmpty();
        assertThat(read("exit 3 9999999999999999999\n")).as("beyond a long").isEmpty();
        assertThat(read("exit 256 1796000000000000000\n")).as("no such exit code").isEmpty();
        assertThat(read("signal 0 1796000000000000000\n")).as("no such signal").isEmpty();
        assertThat(read("signal 65 1796000000000000000\n")).as("no such signal").isEmpty();
    }
}
