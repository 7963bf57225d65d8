package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

    private static final Path ROOT = Path.of("/");

    private static ContainerSpec.Builder valid() {
        return ContainerSpec.builder().rootfs(ROOT).command("true");
    }

    @Test
    void buildsWithDefaults() {
        ContainerSpec spec = valid().build();
        assertThat(spec.namespaces()).containsExactlyInAnyOrder(Namespace.values());
        assertThat(spec.workingDir()).isEqualTo("/");
        assertThat(spec.stdin().kind()).isEqualTo(Stdio.Kind.DISCARD);
        assertThat(spec.effectiveEnv()).containsEntry("PATH", ContainerSpec.DEFAULT_PATH).containsEntry("HOME", "/root");
    }

    @Test
    void resourcesAreKeptAndCopied() {
        Resources limits = Resources.builder().memory(Resources.parseSize("64m")).pidsMax(5).build();
        ContainerSpec a = valid().resources(limits).build();
        assertThat(a.resources()).isSameAs(limits);
        assertThat(a.toBuilder().build().resources()).isEqualTo(limits);
        assertThat(a.toBuilder().resources(Resources.none()).build().resources().isEmpty()).isTrue();
        assertThat(a.resources().isEmpty()).isFalse();
    }

    @Test
    void toBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
        ContainerSpec a = valid().env("A", "1").hostname("h1").build();
        ContainerSpec b = a.toBuilder().env("B", "2").hostname("h2").build();
        assertThat(a.env()).containsOnlyKeys("A");
        assertThat(a.hostname()).isEqualTo("h1");
        assertThat(b.env()).containsOnlyKeys("A", "B");
        assertThat(b.rootfs()).isEqualTo(a.rootfs());
        assertThat(b.command()).isEqualTo(a.command());
    }

    @Test
    void terminalAndMountOptionsDefaultOffAndSurviveToBuilder() {
        ContainerSpec plain = valid().build();
        assertThat(plain.tty()).isFalse();
        assertThat(plain.readOnlyRootfs()).isFalse();
        assertThat(plain.tmpfs()).isEmpty();
        ContainerSpec a = valid().tty(true).readOnlyRootfs(true).tmpfs("/run", "size=1m").build();
        ContainerSpec b = a.toBuilder().tmpfs("/tmp", "").build();
        assertThat(b.tty()).isTrue();
        assertThat(b.readOnlyRootfs()).isTrue();
        assertThat(b.tmpfs()).containsExactly(java.util.Map.entry("/run", "size=1m"), java.util.Map.entry("/tmp", ""));
        assertThat(a.tmpfs()).containsOnlyKeys("/run");
    }

    @Test
    void commandIsNeverSplit() {
        assertThat(valid().command("echo", "a b", "c").build().command()).containsExactly("echo", "a b", "c");
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> ContainerSpec.builder().command("true").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("rootfs");
        assertThatThrownBy(() -> valid().rootfs(Path.of("/no/such/dir")).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("/no/such/dir");
        assertThatThrownBy(() -> valid().command().build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("command");
        assertThatThrownBy(() -> valid().command("a\0b").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("a?b");
        assertThatThrownBy(() -> valid().workingDir("relative/dir").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("relative/dir");
        assertThatThrownBy(() -> valid().hostname("bad_host!").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("bad_host!");
        assertThatThrownBy(() -> valid().env("A=B", "c").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("A=B");
        assertThatThrownBy(() -> valid().namespaces(EnumSet.of(Namespace.MOUNT)).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("PID");
        assertThatThrownBy(() -> valid().namespaces(EnumSet.of(Namespace.MOUNT, Namespace.PID)).hostname("x").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("UTS");
        assertThatThrownBy(() -> valid().stdin(Stdio.file(Path.of("/no/such/input"))).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("/no/such/input");
    }

    @Test
    void exitStatusConventions() {
        assertThat(ExitStatus.exited(42).shellCode()).isEqualTo(42);
        assertThat(ExitStatus.signaled(9).shellCode()).isEqualTo(137);
        assertThat(ExitStatus.exited(0).success()).isTrue();
        assertThatThrownBy(() -> new ExitStatus(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
