package io.sixcontainer.internal.net.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ContainerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writes, on a directory laid out like {@code /proc/sys}: the host's own settings are left
 * alone (NatTrafficTest sets route_localnet on its lab bridge through the real files).
 */
class HostSysctlsTest {

    @TempDir
    Path root;

    @Test
    void forwardingAndRouteLocalnetAreTurnedOn() throws Exception {
        Path forward = write("net/ipv4/ip_forward", "0\n");
        Path localnet = write("net/ipv4/conf/sxcbr0/route_localnet", "0\n");
        HostSysctls sysctls = new HostSysctls(root);

        sysctls.enableIpForward();
        sysctls.enableRouteLocalnet("sxcbr0");

        assertThat(Files.readString(forward)).isEqualTo("1\n");
        assertThat(Files.readString(localnet)).isEqualTo("1\n");
    }

    @Test
    void aSettingAlreadyOnIsNotWrittenAgain() throws Exception {
        // An old modification time that a write would replace.
        Path forward = write("net/ipv4/ip_forward", "1\n");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(forward, old);
        new HostSysctls(root).enableIpForward();
        assertThat(Files.getLastModifiedTime(forward)).isEqualTo(old);
    }

    @Test
    void aMissingInterfaceIsNamedAndABadOneRefused() {
        HostSysctls sysctls = new HostSysctls(root);
        assertThatThrownBy(() -> sysctls.enableRouteLocalnet("sxcgone0")).isInstanceOf(ContainerException.class)
                .hasMessageContaining("net/ipv4/conf/sxcgone0/route_localnet");
        assertThatIllegalArgumentException().isThrownBy(() -> sysctls.enableRouteLocalnet("../../ip_forward"))
                .withMessageContaining("../../ip_forward");
    }

    private Path write(String relative, String value) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, value);
    }
}
