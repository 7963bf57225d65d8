package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Containers with a pseudo-terminal: what the command itself sees of its terminal. */
class TerminalTest extends RuntimeTestBase {

    @Test
    void commandRunsOnATerminalThatIsItsControllingTerminalAndConsole() {
        try (Container c = runtime.launch(spec("sh", "-c",
                "[ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo stdio-is-tty; tty; echo via-dev-tty > /dev/tty;"
                        + " [ -c /dev/console ] && echo console-is-chardev").tty(true).build())) {
            String out = readAll(c.stdout());
            assertThat(c.waitFor().shellCode()).isZero();
            // ONLCR: the terminal turns \n into \r\n, which only a real tty does.
            assertThat(out).contains("stdio-is-tty\r\n", "via-dev-tty\r\n", "console-is-chardev\r\n");
            assertThat(out.lines().filter(l -> l.startsWith("/dev/")).findFirst()).hasValue("/dev/console");
        }
    }

    @Test
    void sttySizeFollowsResize() {
        try (Container c = runtime.launch(spec("sh", "-c", "read x; stty size; read y; stty size").tty(true).build())) {
            Transcript t = Transcript.follow(c.stdout());
            c.resizeTty(100, 30);
            type(c, "go\n");
            t.await("30 100\r\n");
            c.resizeTty(132, 43);
            type(c, "go\n");
            assertThat(c.waitFor().shellCode()).isZero();
            assertThat(t.await("43 132\r\n")).containsOnlyOnce("30 100");
        }
    }

    @Test
    void ctrlCInterruptsTheForegroundCommandOfAnInteractiveShell() {
        try (Container c = runtime.launch(spec("sh").tty(true).build())) {
            Transcript t = Transcript.follow(c.stdout());
            // "ready" comes from inside the job, so the job is the terminal's foreground group by then.
            type(c, "sh -c 'echo ready; exec sleep 100'\n");
            t.await("ready\r\n");
            type(c, "\u0003"); // ^C: the line discipline sends SIGINT to the foreground job
            // The interrupt flushes type-ahead: wait for the next prompt before typing on.
            t.await("ready\r\n", "/ # ");
            type(c, "echo after=$?\n");
            t.await("after=130\r\n");
            type(c, "exit 7\n");
            assertThat(c.waitFor(Duration.ofSeconds(20))).hasValueSatisfying(s -> assertThat(s.shellCode()).isEqualTo(7));
        }
    }

    @Test
    void runCollectsTerminalOutputWithStderrInIt() {
        ContainerResult r = runtime.run(spec("sh", "-c", "echo out; echo err >&2; exit 4").tty(true).build(),
                Duration.ofSeconds(30));
        assertThat(r.stdout()).isEqualTo("out\r\nerr\r\n");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status().shellCode()).isEqualTo(4);
    }

    @Test
    void resizeWithoutATerminalIsRefused() {
        try (Container c = runtime.launch(spec("true").build())) {
            assertThatThrownBy(() -> c.resizeTty(80, 24)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has no terminal");
        }
    }

    private static void type(Container c, String keys) {
        try {
            c.stdin().write(keys.getBytes(StandardCharsets.UTF_8));
            c.stdin().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects a terminal's output on a platform thread, so a test can wait for a piece of it. */
    private static final class Transcript {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        static Transcript follow(InputStream in) {
            Transcript t = new Transcript();
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        synchronized (t) {
                            t.seen.write(buf, 0, n);
                            t.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the stream was closed with the container
                }
            });
            return t;
        }

        /** Waits (at most 20 s) until the output contains {@code text}; returns the output so far. */
        synchronized String await(String text) {
            return await("", text);
        }

        /** Waits (at most 20 s) until {@code text} appears after {@code anchor}; returns the output so far. */
        synchronized String await(String anchor, String text) {
            Instant deadline = Instant.now().plusSeconds(20);
            String s;
            while (!((s = seen.toString(StandardCharsets.UTF_8)).contains(anchor)
                    && s.indexOf(text, s.indexOf(anchor) + anchor.length()) >= 0)) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no '" + text + "' in the terminal output: " + s);
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return s;
        }
    }
}
