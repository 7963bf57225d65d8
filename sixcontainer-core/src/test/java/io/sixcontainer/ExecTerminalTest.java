package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An exec'd process's terminal belongs to the container's own devpts, and a container that
 * rearranges its {@code /dev/pts} cannot make the JVM open anything else in its place.
 */
class ExecTerminalTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theTerminalIsOneOfTheContainersPtys() throws Exception {
        Container box = runtime.launch(spec("sleep", "1000").detached(true).build());
        try (ExecProcess p = box.exec(ExecSpec.builder().command("sh", "-c", "tty; ls -1 /dev/pts").tty(true).build())) {
            String[] out = new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            assertThat(p.waitFor().success()).isTrue();
            assertThat(out[0]).as("ttyname inside the container").matches("/dev/pts/\\d+");
            assertThat(out).as("the container's /dev/pts lists it").contains(out[0].substring("/dev/pts/".length()));
        } finally {
            box.remove(true);
        }
    }

    @Test
    void aDevPtsReplacedByASymlinkIsRefused() {
        Container box = privilegedSleeper("umount /dev/pts && rmdir /dev/pts && ln -s /proc/self/root/dev /dev/pts");
        try {
            assertThatThrownBy(() -> box.exec(ExecSpec.builder().command("true").tty(true).build()))
                    .isInstanceOf(ContainerException.class)
                    .hasMessageContaining("cannot open a terminal in the container").hasMessageContaining("pts");
            assertThat(box.execAndCollect(ExecSpec.of("true"), TIMEOUT).exitCode()).isZero();
        } finally {
            box.remove(true);
        }
    }

    @Test
    void aPtmxThatIsNotTheMultiplexerIsNeverOpened() {
        // A FIFO would block an open for reading; a device other than 5:2 could do anything.
        Container box = privilegedSleeper("umount /dev/pts && mkfifo /dev/pts/ptmx");
        try {
            assertThatThrownBy(() -> box.exec(ExecSpec.builder().command("true").tty(true).build()))
                    .isInstanceOf(ContainerException.class)
                    .hasMessageContaining("is not the pty multiplexer");
        } finally {
            box.remove(true);
        }
    }

    private static Container privilegedSleeper(String setup) {
        Container box = runtime.launch(spec("sh", "-c", setup + " && touch /tmp/ready && exec sleep 1000")
                .security(Security.privileged()).detached(true).build());
        for (int i = 0; i < 200; i++) {
            if (box.execAndCollect(ExecSpec.of("test", "-e", "/tmp/ready"), TIMEOUT).exitCode() == 0) {
                return box;
            }
            if (box.waitFor(Duration.ofMillis(50)).isPresent()) {
                box.remove(true);
                throw new AssertionError("the container's setup failed: " + setup);
            }
        }
        box.remove(true);
        throw new AssertionError("setup did not finish");
    }
}
