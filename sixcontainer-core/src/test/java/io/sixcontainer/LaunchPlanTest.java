package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.internal.cgroup.CgroupPlacement;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.plan.LaunchPlan;
import io.sixcontainer.internal.plan.LaunchPlanJson;
import io.sixcontainer.internal.state.ProcessIdentity;
import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A running container's state directory holds its plan, and the plan is what the container
 * itself observes: its environment, hostname, working directory and cgroups.
 */
class LaunchPlanTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void theSavedPlanIsWhatTheContainerObserves() throws Exception {
        try (Container c = runtime.launch(ContainerSpec.builder().image("busybox").command("sleep", "60")
                .env("GREETING", "hi there").workingDir("/tmp").hostname("planned")
                .resources(Resources.builder().pidsMax(64).build()).build())) {
            Path file = root.resolve("containers").resolve(c.id()).resolve("plan.json");
            byte[] saved = Files.readAllBytes(file);
            LaunchPlan plan = Json.read(saved, LaunchPlanJson::read);
            assertThat(c.launchPlan()).as("what inspect shows").contains(new String(saved, StandardCharsets.UTF_8));
            assertThat(plan.id()).isEqualTo(c.id());
            assertThat(plan.image().ref()).isEqualTo("busybox");
            assertThat(plan.process().args()).containsExactly("sleep", "60");

            ExecResult seen = c.execAndCollect(ExecSpec.of("sh", "-c",
                    "hostname; cat /proc/1/environ | tr '\\0' '\\n'; echo; readlink /proc/1/cwd"), TIMEOUT);
            List<String> lines = seen.stdout().lines().toList();
            assertThat(lines.getFirst()).isEqualTo(plan.hostname()).isEqualTo("planned");
            Map<String, String> environ = new LinkedHashMap<>();
            lines.subList(1, lines.size() - 2).forEach(kv -> environ.put(kv.substring(0, kv.indexOf('=')),
                    kv.substring(kv.indexOf('=') + 1)));
            assertThat(environ).as("the init's environment").containsExactlyEntriesOf(plan.process().env());
            assertThat(environ).containsEntry("GREETING", "hi there").containsKey("PATH");
            assertThat(lines.getLast()).isEqualTo(plan.process().workingDir()).isEqualTo("/tmp");

            // Every cgroup the kernel has the init in, under the parent, is one the plan recorded.
            List<String> procCgroup = Files.readAllLines(Path.of("/proc", Integer.toString(c.pid()), "cgroup"));
            for (CgroupPlacement.Placed placed : plan.cgroups().cgroups()) {
                assertThat(Files.readAllLines(Path.of(placed.procsFile()))).as(placed.dir().toString())
                        .contains(Integer.toString(c.pid()));
                String inHierarchy = "/" + placed.mountPoint().relativize(placed.dir());
                assertThat(procCgroup).anyMatch(l -> l.endsWith(":" + inHierarchy));
            }
            assertThat(procCgroup.stream().filter(l -> l.endsWith("/" + c.id())).count())
                    .isEqualTo(plan.cgroups().cgroups().size());
        }
    }

    /**
     * A state directory written before launch plans (state.json version 1, no plan.json) is
     * listed, refuses exec with a message saying why, and is stopped and removed.
     */
    @Test
    void aContainerRecordedBeforePlansIsListedRefusesExecAndIsRemoved() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        String id = "7".repeat(64);
        try {
            int pid = (int) sleeper.pid();
            Path dir = Files.createDirectory(root.resolve("containers").resolve(id));
            Files.writeString(dir.resolve("state.json"), "{\"version\": 1, \"id\": \"" + id + "\", \"name\": \"old\","
                    + " \"image\": \"busybox\", \"command\": [\"sleep\", \"60\"], \"env\": [\"A=1\"],"
                    + " \"workingDir\": \"/\", \"confinement\": \"AAEC\", \"user\": null, \"status\": \"RUNNING\","
                    + " \"created\": \"2026-01-01T00:00:00Z\", \"started\": \"2026-01-01T00:00:00Z\", \"pid\": " + pid
                    + ", \"pidStartTime\": " + ProcessIdentity.startTime(pid).orElseThrow() + ", \"cgroupParent\": null,"
                    + " \"detached\": true, \"autoRemove\": false, \"launcherPid\": 1, \"launcherStartTime\": 1}");
            assertThat(runtime.list()).filteredOn(i -> i.id().equals(id)).singleElement()
                    .satisfies(i -> assertThat(i.status()).isEqualTo(ContainerStatus.RUNNING));
            Container old = runtime.get(id).orElseThrow();
            assertThat(old.launchPlan()).isEmpty();
            assertThatThrownBy(() -> old.execAndCollect(ExecSpec.of("true"), TIMEOUT))
                    .isInstanceOf(ContainerException.class).hasMessageContaining("has no launch plan")
                    .hasMessageContaining("older version");
            old.remove(true);
            assertThat(sleeper.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("stopped by the removal").isTrue();
            assertThat(dir).doesNotExist();
            assertThat(runtime.get(id)).isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThat(Arrays.asList(root.resolve("containers").toFile().list())).doesNotContain(id);
    }
}
