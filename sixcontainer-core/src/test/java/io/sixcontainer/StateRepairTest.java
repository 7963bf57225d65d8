package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sixcontainer.testing.HostSnapshot;
import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Records left by JVMs that died at awkward moments, by stale pids, or by a reboot: each is
 * made by editing a real record the way such an event leaves it, then observed through the API.
 */
class StateRepairTest extends RuntimeTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Container exitedDetached(String name) {
        Container c = runtime.launch(spec("true").name(name).detached(true).build());
        assertThat(c.waitFor().success()).isTrue();
        return c;
    }

    private static void editPlan(Container c, Consumer<ObjectNode> edit) throws Exception {
        edit(root.resolve("containers").resolve(c.id()).resolve("plan.json"), edit);
    }

    private static void editRecord(Container c, Consumer<ObjectNode> edit) throws Exception {
        edit(root.resolve("containers").resolve(c.id()).resolve("state.json"), edit);
    }

    private static void edit(Path state, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(state.toFile());
        edit.accept(node);
        JSON.writeValue(state.toFile(), node);
    }

    private static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return (int) p.pid();
    }

    @Test
    void aStaleRecordNeverSignalsTheProcessThatReusedItsPid() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Container c = exitedDetached("stale");
            long realStart = io.sixcontainer.internal.state.ProcessIdentity.startTime((int) bystander.pid()).orElseThrow();
            editRecord(c, n -> {
                n.put("status", "RUNNING");
                n.put("pid", bystander.pid());
                n.put("pidStartTime", realStart + 1);
                n.putNull("exitCode");
                n.putNull("finished");
            });
            Files.delete(root.resolve("containers").resolve(c.id()).resolve("exit"));

            assertThatThrownBy(() -> c.kill(9)).isInstanceOf(ContainerException.class).hasMessageContaining("not running");
            assertThatThrownBy(() -> c.stop(Duration.ZERO)).isInstanceOf(ContainerException.class)
                    .hasMessageContaining("unknown");
            assertThat(bystander.isAlive()).as("the process that got the pid is untouched").isTrue();
            ContainerInfo info = c.info();
            assertThat(info.status()).as("a running record with no process is exited").isEqualTo(ContainerStatus.EXITED);
            assertThat(info.exitStatus()).as("nobody saw how it ended").isNull();
            assertThatThrownBy(c::waitFor).isInstanceOf(ContainerException.class).hasMessageContaining("unknown");
            c.remove(false);
        } finally {
            bystander.destroyForcibly().waitFor();
        }
    }

    @Test
    void openingARuntimeFinishesWhatDeadJvmsLeft() throws Exception {
        int dead = deadPid();
        Container abandoned = exitedDetached("abandoned-launch");
        editRecord(abandoned, n -> {
            n.put("status", "CREATED");
            n.put("launcherPid", dead);
        });
        Container halfRemoved = exitedDetached("half-removed");
        editRecord(halfRemoved, n -> n.put("status", "REMOVING"));
        Container autoRemove = exitedDetached("auto-remove");
        editPlan(autoRemove, n -> n.put("autoRemove", true));
        Container kept = exitedDetached("kept");
        Path debris = Files.createDirectory(root.resolve("containers").resolve(".creating-" + "e".repeat(64) + "." + dead + ".1"));
        long myStart = io.sixcontainer.internal.state.ProcessIdentity.startTime((int) ProcessHandle.current().pid()).orElseThrow();
        Path inProgress = Files.createDirectory(root.resolve("containers")
                .resolve(".creating-" + "d".repeat(64) + "." + ProcessHandle.current().pid() + "." + myStart));
        Files.createSymbolicLink(root.resolve("names").resolve("dangling"), Path.of("f".repeat(64)));

        try (ContainerRuntime reopened = ContainerRuntime.open(root)) {
            assertThat(reopened.list()).extracting(ContainerInfo::name)
                    .contains("kept").doesNotContain("abandoned-launch", "half-removed", "auto-remove");
            assertThat(root.resolve("names").resolve("abandoned-launch")).doesNotExist();
            assertThat(root.resolve("names").resolve("dangling")).doesNotExist();
            assertThat(debris).as("made by a dead JVM").doesNotExist();
            assertThat(inProgress).as("being made by a live JVM").exists();
            assertThat(reopened.get("kept").orElseThrow().info().exitStatus()).isEqualTo(ExitStatus.exited(0));
        }
        kept.remove(false);
        Files.delete(inProgress);
    }

    /**
     * Records are not fsynced (docs/state.md): a power loss may leave one empty, cut short or
     * zero-filled. Such a record is no container for any reader, and the next open removes it
     * and releases its name; a whole record beside it is untouched.
     */
    @Test
    void recordsAPowerLossToreAreNoContainersAndTheNextOpenRemovesThem() throws Exception {
        Container empty = exitedDetached("torn-empty");
        Container cut = exitedDetached("torn-cut");
        Container zeros = exitedDetached("torn-zeros");
        Container whole = exitedDetached("whole");
        Path emptyState = stateFile(empty);
        Files.write(emptyState, new byte[0]);
        byte[] record = Files.readAllBytes(stateFile(cut));
        Files.write(stateFile(cut), java.util.Arrays.copyOf(record, record.length / 2));
        Files.write(stateFile(zeros), new byte[Files.readAllBytes(stateFile(zeros)).length]);

        assertThat(runtime.list()).extracting(ContainerInfo::name).contains("whole")
                .doesNotContain("torn-empty", "torn-cut", "torn-zeros");
        assertThat(runtime.get("torn-cut")).isEmpty();
        assertThat(runtime.get(zeros.id())).isEmpty();
        assertThatThrownBy(empty::info).isInstanceOf(ContainerException.class).hasMessageContaining("no such container");

        try (ContainerRuntime reopened = ContainerRuntime.open(root)) {
            for (Container torn : List.of(empty, cut, zeros)) {
                assertThat(root.resolve("containers").resolve(torn.id())).doesNotExist();
            }
            assertThat(root.resolve("names").resolve("torn-empty")).doesNotExist();
            assertThat(root.resolve("names").resolve("torn-cut")).doesNotExist();
            assertThat(reopened.get("whole").orElseThrow().info().exitStatus()).isEqualTo(ExitStatus.exited(0));
            // the names are free again
            reopened.launch(spec("true").name("torn-cut").build()).close();
        }
        whole.remove(false);
    }

    @Test
    void aRunningContainerWhoseExitRecordIsTornHasExitedWithAnUnknownStatus() throws Exception {
        int dead = deadPid();
        Container c = exitedDetached("torn-exit");
        editRecord(c, n -> {
            n.put("status", "RUNNING");
            n.put("pid", dead);
            n.putNull("exitCode");
            n.putNull("finished");
        });
        Path exit = root.resolve("containers").resolve(c.id()).resolve("exit");
        String line = Files.readString(exit);
        Files.writeString(exit, line.substring(0, line.length() - 4));

        ContainerInfo info = c.info();
        assertThat(info.status()).isEqualTo(ContainerStatus.EXITED);
        assertThat(info.exitStatus()).as("nobody can tell how it ended").isNull();
        c.remove(false);
    }

    @Test
    void aRemovalCutShortAfterItsDirectoryMovedIsFinishedByTheNextOpen() throws Exception {
        Container c = exitedDetached("half-moved");
        assertThat(HostSnapshot.readCgroups()).as("an exited container keeps its cgroup until removed")
                .anyMatch(d -> d.endsWith(c.id()));
        // what a JVM killed in remove() leaves: the directory in the trash, the name and cgroup not yet gone
        Path moved = root.resolve("trash").resolve(c.id() + ".42");
        Files.move(root.resolve("containers").resolve(c.id()), moved);
        assertThat(runtime.get("half-moved")).isEmpty();

        try (ContainerRuntime reopened = ContainerRuntime.open(root)) {
            assertThat(moved).doesNotExist();
            assertThat(root.resolve("names").resolve("half-moved")).doesNotExist();
            assertThat(HostSnapshot.readCgroups()).noneMatch(d -> d.endsWith(c.id()));
        }
    }

    @Test
    void aRemovedContainerIsGoneAtOnceAndItsFilesOnceTheRuntimeCloses() throws Exception {
        Path ownRoot = io.sixcontainer.testing.TestRoots.create();
        try {
            try (ContainerRuntime own = ContainerRuntime.open(ownRoot)) {
                for (int i = 0; i < 20; i++) {
                    Container c = own.launch(ContainerSpec.builder().image("busybox")
                            .command("sh", "-c", "mkdir -p /a/b/c && echo x > /a/b/c/f").build());
                    assertThat(c.waitFor().success()).isTrue();
                    c.close();
                    assertThat(ownRoot.resolve("containers")).as("gone for every reader").isEmptyDirectory();
                    assertThat(own.list()).isEmpty();
                }
            }
            assertThat(ownRoot.resolve("trash")).as("deleted by the time the runtime has closed").isEmptyDirectory();
        } finally {
            io.sixcontainer.testing.TestRoots.delete(ownRoot);
        }
    }

    private static Path stateFile(Container c) {
        return root.resolve("containers").resolve(c.id()).resolve("state.json");
    }

    @Test
    void aDetachedAutoRemoveContainerIsGoneOnceItHasExited() throws Exception {
        Container c = runtime.launch(spec("true").autoRemove(true).detached(true).build());
        for (int i = 0; i < 200 && ExitRecordFile.absent(root, c.id()); i++) {
            Thread.sleep(10);
        }
        assertThat(runtime.list()).noneMatch(i -> i.id().equals(c.id()));
        assertThat(root.resolve("containers").resolve(c.id())).doesNotExist();
    }

    /** Where the monitor records the exit. */
    private static final class ExitRecordFile {
        static boolean absent(Path root, String id) {
            return !Files.exists(root.resolve("containers").resolve(id).resolve("exit"));
        }
    }

    @Test
    void anAutoRemoveContainerDisappearsAfterItExits() throws Exception {
        Container c = runtime.launch(spec("true").autoRemove(true).build());
        assertThat(c.waitFor().success()).isTrue();
        for (int i = 0; i < 100 && runtime.get(c.id()).isPresent(); i++) {
            Thread.sleep(20);
        }
        assertThat(runtime.get(c.id())).isEmpty();
        assertThat(root.resolve("containers").resolve(c.id())).doesNotExist();
    }

    @Test
    void aContainerWhoseDirectoryVanishedWhileItRanStillReportsItsExitToItsLauncher() throws Exception {
        // As when another caller removes it mid-launch: its directory is moved out of sight.
        Container c = runtime.launch(spec("sh", "-c", "read x; exit 7").stdin(Stdio.pipe()).build());
        Path dir = root.resolve("containers").resolve(c.id());
        Path aside = root.resolve("aside-" + c.id());
        Files.move(dir, aside);
        try {
            c.stdin().close();
            assertThat(c.waitFor()).isEqualTo(ExitStatus.exited(7));
            assertThat(aside.resolve("exit")).as("no record written anywhere").doesNotExist();
        } finally {
            Files.move(aside, dir);
            c.close();
        }
    }
}
