package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.testing.LaunchLoop;
import io.sixcontainer.testing.RuntimeTestBase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with SIGKILL at arbitrary points of launching and removing containers leaves
 * a root that the next {@link ContainerRuntime#open} repairs: no process, no running record, nothing
 * half-made; what remains is a consistent record of an exited container at most.
 */
class CrashRecoveryTest extends RuntimeTestBase {

    @Test
    void killedAtArbitraryPointsTheRootIsRepairedOnOpen() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 6; round++) {
            Process jvm = ChildJvm.start(LaunchLoop.class, root.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()));
            assertThat(out.readLine()).isEqualTo("ready");
            List<Integer> pids = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        pids.add(Integer.parseInt(line.substring(4)));
                    }
                } catch (java.io.IOException closedByTheKill) {
                    // destroyForcibly closes the stream
                }
            });
            Thread.sleep(50 + random.nextInt(400));
            jvm.destroyForcibly();
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
            // Every attached container the dead JVM reported, observed through /proc, is gone.
            for (int pid : List.copyOf(pids)) {
                awaitGone(pid);
            }

            try (ContainerRuntime reopened = ContainerRuntime.open(root)) {
                for (ContainerInfo info : reopened.list()) {
                    // A container the dead JVM had started is over: killed with its JVM, or done.
                    awaitNotRunning(reopened, info.id());
                    ContainerInfo now = reopened.get(info.id()).map(Container::info).orElse(null);
                    if (now != null) {
                        assertThat(now.status()).as("round %d: %s", round, now).isEqualTo(ContainerStatus.EXITED);
                        reopened.get(info.id()).orElseThrow().remove(false);
                    }
                }
            }
            try (Stream<Path> left = Files.list(root.resolve("containers"));
                 Stream<Path> names = Files.list(root.resolve("names"))) {
                assertThat(left.toList()).as("round %d: container directories", round).isEmpty();
                assertThat(names.toList()).as("round %d: names", round).isEmpty();
            }
        }
    }

    private static void awaitGone(int pid) throws InterruptedException {
        for (int i = 0; i < 300 && Files.exists(Path.of("/proc/" + pid)); i++) {
            Thread.sleep(20);
        }
        assertThat(Path.of("/proc/" + pid)).as("a container process of the killed JVM").doesNotExist();
    }

    private static void awaitNotRunning(ContainerRuntime r, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var c = r.get(id);
            if (c.isEmpty() || c.get().info().status() != ContainerStatus.RUNNING) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("container " + id + " of a killed JVM still runs");
    }
}
