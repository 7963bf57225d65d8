package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.testing.LifecycleChild;
import io.sixcontainer.testing.RuntimeTestBase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Names and ids: unique, validated, and found by name, id or unique prefix. */
class ContainerNamesTest extends RuntimeTestBase {

    @Test
    void foundByNameIdAndUniquePrefix() {
        try (Container c = runtime.launch(spec("sleep", "100").name("web-1").build())) {
            assertThat(c.name()).isEqualTo("web-1");
            assertThat(runtime.get("web-1").map(Container::id)).contains(c.id());
            assertThat(runtime.get(c.id()).map(Container::id)).contains(c.id());
            assertThat(runtime.get(c.id().substring(0, 12)).map(Container::id)).contains(c.id());
            assertThat(runtime.get("no-such-name")).isEmpty();
            ContainerInfo info = c.info();
            assertThat(info.status()).isEqualTo(ContainerStatus.RUNNING);
            assertThat(info.pid()).isEqualTo(c.pid()).isPositive();
            assertThat(info.command()).containsExactly("sleep", "100");
        }
        assertThat(runtime.get("web-1")).as("close() removes an attached container").isEmpty();
    }

    @Test
    void generatedNamesAreReadableAndUnique() {
        List<Container> cs = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                cs.add(runtime.launch(spec("sleep", "100").build()));
            }
            assertThat(cs).extracting(Container::name).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+_[a-z]+(_\\d+)?"));
        } finally {
            cs.forEach(Container::close);
        }
    }

    @Test
    void aNameInUseIsRefusedAndTheLoserLeavesNothing() throws Exception {
        try (Container first = runtime.launch(spec("sleep", "100").name("taken").build())) {
            int before = countContainerDirs();
            assertThatThrownBy(() -> runtime.launch(spec("true").name("taken").build()))
                    .isInstanceOf(ContainerException.class).hasMessageContaining("name in use").hasMessageContaining("taken");
            assertThat(countContainerDirs()).isEqualTo(before);
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void invalidNamesAreRejectedNamingTheValue() {
        for (String bad : List.of("", "../x", "a/b", "-lead", "x".repeat(129), "sp ace")) {
            assertThatThrownBy(() -> spec("true").name(bad).build())
                    .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void concurrentJvmsLaunchingOneNameHaveExactlyOneWinner() throws Exception {
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jvms.add(ChildJvm.start(LifecycleChild.class, "detach", root.toString(), "contested", "sleep", "100"));
        }
        List<String> outcomes = new ArrayList<>();
        for (Process p : jvms) {
            outcomes.add(new BufferedReader(new InputStreamReader(p.getInputStream())).readLine());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(outcomes).filteredOn(o -> o.startsWith("id ")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.startsWith("error ")).hasSize(3)
                .allMatch(o -> o.contains("name in use"));
        assertThat(runtime.list()).filteredOn(i -> i.name().equals("contested")).hasSize(1);
        assertThat(countContainerDirs()).as("the losers left no state behind").isEqualTo(1);
        runtime.get("contested").orElseThrow().remove(true);
        assertThat(countContainerDirs()).isZero();
    }

    private static int countContainerDirs() throws Exception {
        try (Stream<java.nio.file.Path> s = Files.list(root.resolve("containers"))) {
            return (int) s.count();
        }
    }
}
