package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The spec's mount options (tmpfs, read-only root), as the container's own mount table shows them. */
class MountOptionsTest extends RuntimeTestBase {

    @Test
    void tmpfsAndReadOnlyRootAsTheContainerSeesThem() {
        ContainerResult r = run(spec("sh", "-c", "touch /x 2>&1; touch /t/ok && echo t-writable;"
                + " awk '$5 == \"/\" || $5 == \"/t\" { print $5, $6 }' /proc/self/mountinfo").readOnlyRootfs(true).tmpfs("/t", "size=2m"));
        assertThat(r.stdout().lines()).containsExactly(
                "touch: /x: Read-only file system", "t-writable", "/ ro,relatime", "/t rw,nosuid,nodev,noexec,relatime");
    }

    @Test
    void badTmpfsIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> spec("true").tmpfs("relative", "").build()).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'relative'");
        assertThatThrownBy(() -> spec("true").tmpfs("/a/../b", "").build()).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'/a/../b'");
        assertThatThrownBy(() -> spec("true").tmpfs("/t", "size=1m,uid=0;rm").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'uid=0;rm'");
    }

    private static ContainerResult run(ContainerSpec.Builder spec) {
        return runtime.run(spec.build(), Duration.ofSeconds(30));
    }
}
