package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {

    private static final Path ROOT = Path.of("/");

    @Test
    void buildsWithDefaultsAndKeepsEveryField() {
        ProcessSpec empty = ProcessSpec.builder().build();
        assertThat(empty.command()).isEmpty();
        assertThat(empty.workingDir()).isNull();
        assertThat(empty.user()).isNull();
        assertThat(empty.stdin()).isEqualTo(Stdio.discard());
        assertThat(empty.stdout()).isEqualTo(Stdio.inherit());
        assertThat(empty.tty()).isFalse();

        ProcessSpec p = ProcessSpec.builder().command("sh", "-c", "id").env("A", "1").env(Map.of("B", "2"))
                .workingDir("/tmp").user(1000, 1000, 27).stdin(Stdio.pipe()).stdout(Stdio.pipe()).stderr(Stdio.discard())
                .tty(true).build();
        assertThat(p.command()).containsExactly("sh", "-c", "id");
        assertThat(p.env()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(p.workingDir()).isEqualTo("/tmp");
        assertThat(p.user()).isEqualTo(User.of(1000, 1000, 27));
        assertThat(p.stderr()).isEqualTo(Stdio.discard());
        assertThat(p.tty()).isTrue();
    }

    @Test
    void toBuilderRoundTripsAndLeavesTheOriginalAlone() {
        ProcessSpec a = ProcessSpec.builder().command("true").env("A", "1").user(User.parse("www-data")).build();
        assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
        ProcessSpec b = a.toBuilder().env("B", "2").clearEnv().env("C", "3").command("false").build();
        assertThat(b.env()).containsOnlyKeys("C");
        assertThat(a.env()).containsOnlyKeys("A");
        assertThat(a.command()).containsExactly("true");
        assertThat(b).isNotEqualTo(a);
        assertThatThrownBy(() -> a.env().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void containerAndExecSpecsHoldOneAndKeepTheirAccessors() {
        ProcessSpec p = ProcessSpec.builder().command("echo", "hi").env("A", "1").workingDir("/srv").build();
        ContainerSpec c = ContainerSpec.builder().rootfs(ROOT).process(p).hostname("h").build();
        assertThat(c.process()).isEqualTo(p);
        assertThat(c.command()).isEqualTo(p.command());
        assertThat(c.env()).isEqualTo(p.env());
        assertThat(c.workingDir()).isEqualTo("/srv");
        assertThat(c.toBuilder().build().process()).isEqualTo(p);

        ExecSpec e = ExecSpec.builder().process(p).tty(true).build();
        assertThat(e.process()).isEqualTo(p.toBuilder().tty(true).build());
        assertThat(e.tty()).isTrue();
        assertThat(e.toBuilder().build().process()).isEqualTo(e.process());
        assertThat(ExecSpec.of("ps").process().command()).containsExactly("ps");
    }

    @Test
    void defaultsDifferWhereTheyRun() {
        ContainerSpec noImage = ContainerSpec.builder().rootfs(ROOT).command("true").build();
        assertThat(noImage.workingDir()).isEqualTo("/");
        assertThat(noImage.process().workingDir()).isEqualTo("/");
        ContainerSpec image = ContainerSpec.builder().image("busybox").build();
        assertThat(image.workingDir()).isNull();
        assertThat(image.command()).isEmpty();
        assertThat(ExecSpec.builder().command("true").build().workingDir()).isNull();
        assertThatThrownBy(() -> ContainerSpec.builder().rootfs(ROOT).build()).isInstanceOf(InvalidSpecException.class)
                .hasMessage("command is required");
        assertThatThrownBy(() -> ExecSpec.builder().build()).isInstanceOf(InvalidSpecException.class)
                .hasMessage("command is required");
    }

    @Test
    void validationNamesTheBadValue() {
        assertThatThrownBy(() -> ProcessSpec.builder().command("").build()).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("program name is empty");
        assertThatThrownBy(() -> ProcessSpec.builder().command(Collections.nCopies(4097, "x")).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("4097 arguments");
        assertThatThrownBy(() -> ProcessSpec.builder().command("a\0b").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("NUL").hasMessageContaining("a?b");
        assertThatThrownBy(() -> ProcessSpec.builder().env("A=B", "1").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'A=B'");
        assertThatThrownBy(() -> ProcessSpec.builder().workingDir("relative").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("relative");
        assertThatThrownBy(() -> ProcessSpec.builder().stdin(Stdio.file(Path.of("/no/such/file"))).build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("/no/such/file");
        assertThatThrownBy(() -> ExecSpec.builder().command("true").workingDir("rel").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("rel");
    }
}
