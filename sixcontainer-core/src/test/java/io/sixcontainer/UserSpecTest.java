package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** {@link User} values: Docker's syntax, the bounds, and how specs carry them. */
class UserSpecTest {

    @Test
    void parsesDockersUserSyntax() {
        User u = User.parse("www-data:staff").withGroups("audio", "44");
        assertThat(u.user()).isEqualTo("www-data");
        assertThat(u.group()).contains("staff");
        assertThat(u.supplementaryGroups()).containsExactly("audio", "44");
        assertThat(u.numeric()).isFalse();
        assertThat(User.parse("1000").group()).isEmpty();
        // Without a group even a uid is looked up (for its group and memberships).
        assertThat(User.parse("1000").numeric()).isFalse();
        assertThat(User.parse("1000:1000").withGroups("27").numeric()).isTrue();
        assertThat(User.of(1000, 1000, 27)).isEqualTo(User.parse("1000:1000").withGroups("27"));
        assertThat(User.root()).isEqualTo(User.of(0, 0));
        assertThat(u.toString()).isEqualTo("www-data:staff+audio+44");
    }

    @Test
    void refusesWhatCouldNeverBeAUserNamingTheValue() {
        assertThatThrownBy(() -> User.of(-1, 0)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("uid -1");
        assertThatThrownBy(() -> User.of(0, -5)).hasMessageContaining("gid -5");
        assertThatThrownBy(() -> User.of(0, 0, 3, -2)).hasMessageContaining("supplementary gid -2");
        assertThatThrownBy(() -> User.parse("")).isInstanceOf(InvalidSpecException.class).hasMessageContaining("user is empty");
        assertThatThrownBy(() -> User.parse("alice:")).hasMessageContaining("'alice:'").hasMessageContaining("group is empty");
        assertThatThrownBy(() -> User.parse("a:b:c")).hasMessageContaining("'b:c'");
        assertThatThrownBy(() -> User.parse("a\nb")).hasMessageContaining("no ':', newline or NUL");
        assertThatThrownBy(() -> User.parse("2147483648")).hasMessageContaining("id 2147483648");
        assertThatThrownBy(() -> User.parse("99999999999999999999")).hasMessageContaining("ids are 0..2147483647");
        assertThatThrownBy(() -> User.parse("x".repeat(256))).hasMessageContaining("longer than 255 bytes");
        assertThatThrownBy(() -> User.root().withGroups("")).hasMessageContaining("group is empty");
        String[] many = Collections.nCopies(257, "7").toArray(String[]::new);
        assertThatThrownBy(() -> User.root().withGroups(many)).hasMessageContaining("257 supplementary groups");
        assertThat(User.root().withGroups(Collections.nCopies(256, "7").toArray(String[]::new)).supplementaryGroups())
                .hasSize(256);
    }

    @Test
    void specsCarryTheUser() {
        ContainerSpec spec = ContainerSpec.builder().rootfs(Path.of("/")).command("true").user(1, 2, 3).build();
        assertThat(spec.user()).isEqualTo(User.of(1, 2, 3));
        assertThat(spec.toBuilder().build().user()).isEqualTo(User.of(1, 2, 3));
        assertThat(ContainerSpec.builder().rootfs(Path.of("/")).command("true").build().user()).isNull();
        assertThatThrownBy(() -> ContainerSpec.builder().user(-1, 0)).isInstanceOf(InvalidSpecException.class);
        ExecSpec exec = ExecSpec.builder().command("id").user(User.parse("nobody")).build();
        assertThat(exec.user()).isEqualTo(User.parse("nobody"));
        assertThat(exec.toBuilder().build().user()).isEqualTo(User.parse("nobody"));
        assertThat(ExecSpec.of("id").user()).isNull();
    }
}
