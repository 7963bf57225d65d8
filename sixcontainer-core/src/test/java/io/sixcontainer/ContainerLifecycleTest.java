package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes, signals, launch failures and standard streams. */
class ContainerLifecycleTest extends RuntimeTestBase {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 42})
    void exitCodeIsTheCommands(int code) {
        try (Container c = runtime.launch(spec("sh", "-c", "exit " + code).build())) {
            assertThat(c.waitFor()).isEqualTo(ExitStatus.exited(code));
            assertThat(c.isRunning()).isFalse();
        }
    }

    @Test
    void killedContainerReportsTheSignalAndTakesItsChildrenAlong() throws IOException {
        try (Container c = runtime.launch(spec("sh", "-c", "sleep 1000 & echo started; wait").stdout(Stdio.pipe()).build())) {
            assertThat(new String(c.stdout().readNBytes(8), StandardCharsets.UTF_8)).isEqualTo("started\n");
            assertThat(c.waitFor(Duration.ofMillis(200))).isEmpty();
            int pid = c.pid();
            assertThat(Path.of("/proc/" + pid)).exists();
            c.kill();
            assertThat(c.waitFor()).isEqualTo(ExitStatus.signaled(9));
            assertThat(Path.of("/proc/" + pid)).doesNotExist();
        }
    }

    @Test
    void missingCommandFailsTheLaunch() {
        assertThatThrownBy(() -> runtime.launch(spec("/bin/no-such-command", "x").build()))
                .isInstanceOfSatisfying(LaunchException.class, e -> {
                    assertThat(e.commandNotFound()).isTrue();
                    assertThat(e.step()).isEqualTo("execve");
                    assertThat(e.getMessage()).contains("/bin/no-such-command").contains("ENOENT");
                });
        assertThatThrownBy(() -> runtime.launch(spec("no-such-command-on-path").build()))
                .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.commandNotFound()).isTrue());
    }

    @Test
    void nonExecutableCommandFailsTheLaunch() {
        assertThatThrownBy(() -> runtime.launch(spec("/etc/passwd").build()))
                .isInstanceOfSatisfying(LaunchException.class, e -> {
                    assertThat(e.commandNotExecutable()).isTrue();
                    assertThat(e.getMessage()).contains("/etc/passwd").contains("EACCES");
                });
    }

    @Test
    void missingWorkingDirectoryFailsTheLaunch() {
        assertThatThrownBy(() -> runtime.launch(spec("true").workingDir("/no/such/dir").build()))
                .isInstanceOfSatisfying(LaunchException.class, e -> {
                    assertThat(e.step()).isEqualTo("chdir");
                    assertThat(e.getMessage()).contains("/no/such/dir").contains("ENOENT");
                });
    }

    @Test
    void stdinPipeFeedsTheCommand() throws IOException {
        try (Container c = runtime.launch(spec("tr", "a-z", "A-Z").stdin(Stdio.pipe()).stdout(Stdio.pipe()).build())) {
            try (OutputStream in = c.stdin()) {
                in.write("hello container\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("HELLO CONTAINER\n");
            assertThat(c.waitFor().success()).isTrue();
        }
    }

    @Test
    void outputCanGoToFilesAndStderrIsSeparate() throws IOException {
        Path out = Files.createTempFile(root, "out", ".log");
        Path err = Files.createTempFile(root, "err", ".log");
        try (Container c = runtime.launch(spec("sh", "-c", "echo to-out; echo to-err >&2")
                .stdout(Stdio.file(out)).stderr(Stdio.file(err)).build())) {
            assertThat(c.waitFor().success()).isTrue();
        }
        assertThat(Files.readString(out)).isEqualTo("to-out\n");
        assertThat(Files.readString(err)).isEqualTo("to-err\n");
        ContainerResult r = sh("echo out; echo err >&2; exit 3");
        assertThat(r).isEqualTo(new ContainerResult(ExitStatus.exited(3), "out\n", "err\n"));
    }

    @Test
    void runKillsAContainerThatOutlivesItsTimeout() {
        assertThatThrownBy(() -> runtime.run(spec("sleep", "1000").build(), Duration.ofMillis(300)))
                .isInstanceOf(ContainerException.class).hasMessageContaining("did not end within");
    }

    @Test
    void streamsThatAreNotPipesAreRefused() {
        try (Container c = runtime.launch(spec("true").stdout(Stdio.discard()).build())) {
            assertThatThrownBy(c::stdout).isInstanceOf(IllegalStateException.class).hasMessageContaining("stdout");
            c.waitFor();
        }
    }

    @Test
    void aKilledMonitorTakesTheContainerAlongAndItsWaiterLearnsThatNoStatusCame() throws Exception {
        java.util.List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            try (Container c = runtime.launch(spec("sleep", "1000").build())) {
                ProcessHandle init = ProcessHandle.of(c.pid()).orElseThrow();
                ProcessHandle monitor = init.parent().orElseThrow();
                monitor.destroyForcibly();
                assertThatThrownBy(c::waitFor).isInstanceOf(ContainerException.class)
                        .hasMessageContaining("ended without reporting an exit status");
                init.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            // The reaper thread handled it too; give a stray exception time to surface.
            Thread.sleep(200);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).as("exceptions that escaped to a thread's uncaught handler").isEmpty();
    }
}
