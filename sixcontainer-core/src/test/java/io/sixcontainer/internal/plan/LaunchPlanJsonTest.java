package io.sixcontainer.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.Namespace;
import io.sixcontainer.Network;
import io.sixcontainer.PublishedPort;
import io.sixcontainer.Resources;
import io.sixcontainer.Security;
import io.sixcontainer.User;
import io.sixcontainer.internal.cgroup.CgroupPlacement;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import io.sixcontainer.internal.launch.MountStep;
import io.sixcontainer.internal.launch.Protocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan written to {@code plan.json} reads back equal, every section; what does not map is refused. */
class LaunchPlanJsonTest {

    static LaunchPlan full() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/bin");
        env.put("EMPTY", "");
        env.put("UNICODE", "日本語 \"quoted\" \\ tab\t");
        Map<String, Security.Rlimit> rlimits = new LinkedHashMap<>();
        rlimits.put("NOFILE", new Security.Rlimit(1024, 4096));
        rlimits.put("CORE", new Security.Rlimit(Security.UNLIMITED, Security.UNLIMITED));
        return new LaunchPlan("ab".repeat(32),
                new ImageLayers("registry:5000/app:1", "sha256:" + "cd".repeat(32),
                        List.of("sha256:" + "01".repeat(32), "sha256:" + "02".repeat(32))),
                new RootMount(Path.of("/var/lib/sixcontainer/mnt"), Path.of("/var/lib/sixcontainer"),
                        "lowerdir=layers/a:layers/b,upperdir=containers/x/upper,workdir=containers/x/work"),
                new ProcessPlan(List.of("sh", "-c", "echo ü\nnewline"), env, "/home/ü", User.parse("alice:staff")
                        .withGroups("audio", "27"), true, List.of("PIPE", "FILE", "INHERIT")),
                EnumSet.of(Namespace.UTS, Namespace.PID, Namespace.MOUNT), "box",
                List.of(new MountStep(Protocol.MountOp.MOUNT, 0, 14, 0, "proc", "/proc", "proc", ""),
                        new MountStep(Protocol.MountOp.MKNOD, 020666, 0, 259, "", "/dev/null", "", "")),
                List.of(new MountStep(Protocol.MountOp.MOUNT, 0, 4096 | 16384, 0, "/srv/data", "/data", "", "")),
                new ConfinementPlan(List.of("CHOWN", "KILL"), true, ConfinementPlan.Seccomp.CUSTOM,
                        "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}", List.of("/proc/kcore"), List.of("/proc/sys"), rlimits,
                        -500, List.of("c 10:229 rwm")),
                Resources.builder().memory(64L << 20).memorySwap(128L << 20).cpuShares(512).cpus(1.5)
                        .cpusetCpus("0-1").cpusetMems("0").pidsMax(100).cgroupParent("/custom.slice").build(),
                new CgroupPlacement(false, "/custom.slice", List.of(
                        new CgroupPlacement.Placed(List.of("memory"), Path.of("/sys/fs/cgroup/memory"),
                                Path.of("/sys/fs/cgroup/memory"), Path.of("/sys/fs/cgroup/memory/custom.slice/x")),
                        new CgroupPlacement.Placed(List.of("cpu", "cpuacct"), Path.of("/elsewhere/cpu,cpuacct"),
                                Path.of("/elsewhere/cpu,cpuacct"), Path.of("/elsewhere/cpu,cpuacct/custom.slice/x")))),
                new NetworkPlan(Network.Mode.BRIDGE, "testnet", "sxb0123456789", "10.89.3.0/24", "10.89.3.7",
                        "10.89.3.1", "sxv" + "ab".repeat(6), List.of("db", "primary"),
                        List.of(new PublishedPort(null, 32768, 80, PublishedPort.Transport.TCP),
                                PublishedPort.parse("127.0.0.1:5353:53/udp")),
                        Map.of("registry", "10.89.3.9"), List.of("10.89.3.1")),
                true, true);
    }

    static LaunchPlan minimal() {
        return new LaunchPlan("ef".repeat(32), null, new RootMount(Path.of("/rootfs"), null, null),
                new ProcessPlan(List.of("true"), Map.of(), "/", null, false, List.of()),
                EnumSet.of(Namespace.PID, Namespace.MOUNT), null, List.of(), List.of(),
                new ConfinementPlan(List.of(), false, ConfinementPlan.Seccomp.UNCONFINED, null, List.of(), List.of(),
                        Map.of(), null, List.of()),
                Resources.none(), new CgroupPlacement(true, "sixcontainer", List.of(new CgroupPlacement.Placed(List.of(),
                        Path.of("/sys/fs/cgroup"), Path.of("/sys/fs/cgroup/user.slice"),
                        Path.of("/sys/fs/cgroup/user.slice/sixcontainer/y")))),
                NetworkPlan.without(Network.none(), Map.of(), List.of()), false, false);
    }

    @Test
    void aPlanReadsBackEqual() throws Exception {
        for (LaunchPlan plan : List.of(full(), minimal())) {
            byte[] json = LaunchPlanJson.write(plan);
            LaunchPlan back = Json.read(json, LaunchPlanJson::read);
            assertThat(back).isEqualTo(plan);
            assertThat(back.process().env().keySet()).as("the environment keeps its order")
                    .containsExactlyElementsOf(plan.process().env().keySet());
            assertThat(LaunchPlanJson.write(back)).as("and writes the same bytes again").isEqualTo(json);
        }
    }

    @Test
    void theFileIsVersionedAndHoldsSettingsNotWireBytes() throws Exception {
        String json = new String(LaunchPlanJson.write(full()), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"version\" : 1,").contains("\"seccomp\" : \"CUSTOM\"",
                "\"capabilities\" : [ \"CHOWN\", \"KILL\" ]", "\"dir\" : \"/elsewhere/cpu,cpuacct/custom.slice/x\"");
        String defaults = new String(LaunchPlanJson.write(minimal()), StandardCharsets.UTF_8);
        assertThat(defaults).contains("\"seccompProfile\" : null", "\"image\" : null", "\"user\" : null");
    }

    @Test
    void whatDoesNotMapIsRefusedNamingTheValue() throws Exception {
        String good = new String(LaunchPlanJson.write(minimal()), StandardCharsets.UTF_8);
        assertRefused(good.replace("\"version\" : 1", "\"version\" : 2"), "plan version 2, this version reads 1");
        assertRefused(good.replace("\"detached\"", "\"future\" : 1, \"detached\""), "unknown field \"future\"");
        assertRefused(good.replace("\"seccomp\" : \"UNCONFINED\"", "\"seccomp\" : \"CUSTOM\""),
                "a seccomp profile goes with CUSTOM");
        assertRefused(good.replaceAll("\"namespaces\" : \\[[^]]*\\]", "\"namespaces\" : [ \"TIME\" ]"),
                "expected a Namespace name");
        assertRefused(good.replaceAll("(?s)\"cgroups\" : \\[ \\{.*?\\} \\]", "\"cgroups\" : [ ]"),
                "cgroups need a parent and at least one cgroup");
        assertRefused(good.replace("\"dir\" : \"/sys/fs/cgroup/user.slice/sixcontainer/y\"", "\"dir\" : \"relative\""),
                "a cgroup dir must be absolute");
        assertRefused("{\"version\" : 1, \"id\" : \"x\"}", "a plan lacks a section");
        assertRefused(good.replace("\"args\" : [ \"true\" ]", "\"args\" : [ ]"), "a process needs its args");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), LaunchPlanJson::read))
                .isInstanceOf(JsonMismatchException.class).hasMessageContaining(message);
    }
}
