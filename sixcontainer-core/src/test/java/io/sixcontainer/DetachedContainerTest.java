package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.testing.LifecycleChild;
import io.sixcontainer.testing.RuntimeTestBase;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Detached containers: they outlive their JVM, their exit is recorded, their output logged. */
class DetachedContainerTest extends RuntimeTestBase {

    private static Container detached(String name, String script) {
        return runtime.launch(spec("sh", "-c", script).name(name).detached(true).build());
    }

    @Test
    void outlivesItsJvmAndItsExitCodeIsRecorded() throws Exception {
        Process jvm = ChildJvm.start(LifecycleChild.class, "detach", root.toString(), "survivor",
                "sh", "-c", "echo started; sleep 1; echo to-err >&2; exit 7");
        String line = new BufferedReader(new InputStreamReader(jvm.getInputStream())).readLine();
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(line).startsWith("id ");

        Container c = runtime.get("survivor").orElseThrow();
        assertThat(c.id()).isEqualTo(line.substring(3));
        assertThat(c.info().status()).as("running after its JVM exited").isEqualTo(ContainerStatus.RUNNING);
        assertThat(c.waitFor()).isEqualTo(ExitStatus.exited(7));
        ContainerInfo info = c.info();
        assertThat(info.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(info.finished()).isAfter(info.started());
        assertThat(c.logs(LogQuery.all())).extracting(LogEntry::text, LogEntry::stderr)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("started", false),
                        org.assertj.core.groups.Tuple.tuple("to-err", true));
        c.remove(false);
        assertThat(runtime.get("survivor")).isEmpty();
        assertThat(root.resolve("containers").resolve(c.id())).doesNotExist();
    }

    @Test
    void logKeepsPartialLinesAndBinaryBytesIntact() {
        Container c = detached("binary", "printf 'a\\000b\\377\\n\\nno-newline'; head -c 40000 /dev/zero | tr '\\000' x");
        assertThat(c.waitFor().success()).isTrue();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<LogEntry> entries = c.logs(LogQuery.all());
        entries.forEach(e -> joined.writeBytes(e.rawBytes()));
        byte[] expected = ("a\0b\u00ff\n\nno-newline" + "x".repeat(40000)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(joined.toByteArray()).isEqualTo(expected);
        assertThat(entries.getLast().partial()).as("the last line had no newline").isTrue();
        assertThat(entries.size()).as("a 40000-byte line is split into pieces").isGreaterThan(3);
        List<LogEntry> last = c.logs(LogQuery.all().tail(1));
        assertThat(last).hasSize(1);
        assertThat(last.getFirst().rawBytes()).isEqualTo(entries.getLast().rawBytes());
        assertThat(c.logs(LogQuery.all().since(Instant.now().plusSeconds(60)))).isEmpty();
        c.remove(false);
    }

    @Test
    void followStreamsNewLinesUntilTheContainerEnds() {
        Container c = detached("follower", "for i in 1 2 3; do echo line$i; sleep 0.2; done; echo oops >&2");
        List<String> seen = new ArrayList<>();
        c.followLogs(LogQuery.all().onlyStderr(false), e -> seen.add(e.text()));
        assertThat(seen).containsExactly("line1", "line2", "line3");
        assertThat(c.info().status()).isEqualTo(ContainerStatus.EXITED);
        c.remove(false);
    }

    @Test
    void stopEndsAPid1ThatIgnoresTerm() {
        Container c = detached("stubborn", "trap '' TERM; echo ready; while true; do sleep 0.1; done");
        awaitLog(c, "ready");
        assertThat(c.stop(Duration.ofMillis(300))).isEqualTo(ExitStatus.signaled(9));
        c.remove(false);
    }

    @Test
    void stopLetsAPid1ThatHandlesTermExitCleanly() {
        Container c = detached("polite", "trap 'exit 3' TERM; echo ready; while true; do sleep 0.1; done");
        awaitLog(c, "ready");
        assertThat(c.stop(Duration.ofSeconds(20))).isEqualTo(ExitStatus.exited(3));
        c.remove(false);
    }

    @Test
    void removeRefusesARunningContainerUnlessForced() {
        Container c = detached("busy", "sleep 1000");
        assertThatThrownBy(() -> c.remove(false)).isInstanceOf(ContainerException.class).hasMessageContaining("running");
        int pid = c.pid();
        c.remove(true);
        assertThat(java.nio.file.Path.of("/proc/" + pid)).doesNotExist();
        assertThat(runtime.list()).noneMatch(i -> i.name().equals("busy"));
    }

    @Test
    void detachedSpecsRejectPipes() {
        assertThatThrownBy(() -> spec("true").detached(true).stdout(Stdio.pipe()).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("PIPE");
    }

    private static void awaitLog(Container c, String text) {
        for (int i = 0; i < 200; i++) {
            if (c.logs(LogQuery.all()).stream().anyMatch(e -> e.text().equals(text))) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("never logged: " + text);
    }
}
