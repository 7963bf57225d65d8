package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Masked and read-only kernel paths, as seen from inside. */
class MaskedPathsTest extends RuntimeTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static ContainerResult run(Security security, String script) {
        return runtime.run(spec("sh", "-c", script).security(security).build(), TIMEOUT);
    }

    @Test
    void maskedFilesReadEmptyAndMaskedDirectoriesAreEmpty() {
        String script = "wc -c < /proc/keys; wc -c < /proc/timer_list; wc -c < /proc/interrupts;"
                + " ls -A /sys/firmware | wc -l; touch /sys/firmware/x 2>&1";
        ContainerResult masked = run(Security.defaults(), script);
        assertThat(masked.stdout().lines().map(String::trim).limit(4).toList()).containsExactly("0", "0", "0", "0");
        assertThat(masked.stdout()).contains("Read-only file system");
        // Without the masks the same files have content: the check above can fail.
        ContainerResult open = run(Security.privileged(), script);
        assertThat(open.stdout().lines().map(String::trim).skip(2).findFirst().orElseThrow()).isNotEqualTo("0");
    }

    @Test
    void aMaskedFileIsTheHostsNullDeviceNotTheContainers() throws Exception {
        long hostNull = (Long) Files.getAttribute(Path.of("/dev/null"), "unix:ino");
        ContainerResult r = run(Security.defaults(), "stat -c '%t:%T %i' /proc/keys; stat -c '%i' /dev/null");
        String[] lines = r.stdout().split("\n");
        assertThat(lines[0]).isEqualTo("1:3 " + hostNull);
        assertThat(lines[1]).as("the container's own /dev/null is another inode").isNotEqualTo(Long.toString(hostNull));
    }

    @Test
    void procSysIsReadOnly() {
        ContainerResult r = run(Security.defaults(), "echo 1 > /proc/sys/kernel/ns_last_pid; echo x > /proc/sys/kernel/domainname");
        assertThat(r.stderr().lines().toList()).hasSize(2).allMatch(l -> l.contains("Read-only file system"));
        ContainerResult privileged = run(Security.privileged(), "grep -c ' /proc/sys ro,' /proc/self/mountinfo");
        assertThat(privileged.stdout().trim()).isEqualTo("0");
    }

    @Test
    void aMaskTargetThatIsNotOnProcfsIsRefused() {
        // A tmpfs the spec mounts at a masked path redirects the mask away from procfs.
        ContainerSpec s = spec("true").tmpfs("/proc/acpi", "").build();
        assertThatThrownBy(() -> runtime.run(s, TIMEOUT)).isInstanceOfSatisfying(LaunchException.class, e -> {
            assertThat(e.step()).isEqualTo("mask");
            assertThat(e.getMessage()).contains("/proc/acpi").contains("EXDEV");
        });
    }
}
