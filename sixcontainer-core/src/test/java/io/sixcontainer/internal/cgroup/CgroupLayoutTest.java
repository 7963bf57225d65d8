package io.sixcontainer.internal.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout detection from the kernel's own text formats (mountinfo, /proc/self/cgroup). */
class CgroupLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void hybridHostUsesTheV1Controllers() throws IOException {
        CgroupLayout layout = detect("""
                24 1 0:22 / /sys rw,nosuid - sysfs sysfs rw
                30 24 0:26 / /sys/fs/cgroup rw - tmpfs tmpfs rw,mode=755
                31 30 0:27 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                32 30 0:28 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                33 30 0:29 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
                34 30 0:30 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                35 30 0:31 / /sys/fs/cgroup/net_cls,net_prio rw - cgroup cgroup rw,net_prio,net_cls
                """, """
                9:name=systemd:/
                4:memory:/jobs/42
                3:net_cls,net_prio:/
                1:cpu:/
                0::/
                """);
        assertThat(layout.unified()).isFalse();
        assertThat(layout.hierarchies()).containsExactly(
                new CgroupLayout.Hierarchy(Set.of("cpu"), Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/cpu")),
                new CgroupLayout.Hierarchy(Set.of("memory"), Path.of("/sys/fs/cgroup/memory"),
                        Path.of("/sys/fs/cgroup/memory/jobs/42")),
                new CgroupLayout.Hierarchy(Set.of("net_cls", "net_prio"), Path.of("/sys/fs/cgroup/net_cls,net_prio"),
                        Path.of("/sys/fs/cgroup/net_cls,net_prio")));
    }

    @Test
    void unifiedHostNestsUnderTheOwnCgroup() throws IOException {
        CgroupLayout layout = detect("""
                24 1 0:22 / /sys rw,nosuid - sysfs sysfs rw
                30 24 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate
                """, "0::/user.slice/build\n");
        assertThat(layout.unified()).isTrue();
        assertThat(layout.unifiedRoot()).isEqualTo(Path.of("/sys/fs/cgroup"));
        assertThat(layout.unifiedOwnDir()).isEqualTo(Path.of("/sys/fs/cgroup/user.slice/build"));
        assertThat(CgroupLayout.base(layout.unifiedRoot(), layout.unifiedOwnDir(), "sixcontainer"))
                .isEqualTo(Path.of("/sys/fs/cgroup/user.slice/build"));
        assertThat(CgroupLayout.base(layout.unifiedRoot(), layout.unifiedOwnDir(), "/ci"))
                .isEqualTo(Path.of("/sys/fs/cgroup"));
    }

    @Test
    void mountRootOtherThanSlashIsStrippedFromTheOwnPath() throws IOException {
        // Inside a cgroup namespace mounted from outside, the mount's root is a subtree.
        CgroupLayout layout = detect("30 24 0:26 /ns /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n", "0::/ns/app\n");
        assertThat(layout.unifiedOwnDir()).isEqualTo(Path.of("/sys/fs/cgroup/app"));
    }

    private CgroupLayout detect(String mountinfo, String procCgroup) throws IOException {
        Path mi = Files.writeString(tmp.resolve("mountinfo"), mountinfo);
        Path cg = Files.writeString(tmp.resolve("cgroup"), procCgroup);
        return CgroupLayout.detect(mi, cg);
    }
}
