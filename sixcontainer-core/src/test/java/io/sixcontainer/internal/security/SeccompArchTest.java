package io.sixcontainer.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.LaunchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The architectures a filter is built for, their tables, and the refusal of any other. */
class SeccompArchTest {

    @Test
    void theJvmsArchitectureNamesMapToATable() {
        assertThat(SeccompArch.of("amd64")).isEqualTo(SeccompArch.X86_64);
        assertThat(SeccompArch.of("aarch64")).isEqualTo(SeccompArch.AARCH64);
        assertThat(SeccompArch.of("x86_64")).isEqualTo(SeccompArch.X86_64);
        assertThat(SeccompArch.of("ARM64")).isEqualTo(SeccompArch.AARCH64);
    }

    // Never unconfined silently: a launch with a filter on such a machine fails, saying how to go on.
    @Test
    void anArchitectureWithoutATableIsRefused() {
        assertThatThrownBy(() -> SeccompArch.of("riscv64")).isInstanceOfSatisfying(LaunchException.class, e -> {
            assertThat(e.step()).isEqualTo("seccomp");
            assertThat(e.detail()).isEqualTo("riscv64");
            assertThat(e.getMessage()).contains("'riscv64'").contains("seccompUnconfined()");
        });
    }

    @Test
    void theAarch64TableIsAsmGenerics() throws IOException {
        Map<String, Integer> t = table("syscalls-aarch64.txt");
        assertThat(t).containsEntry("io_setup", 0).containsEntry("openat", 56).containsEntry("read", 63)
                .containsEntry("write", 64).containsEntry("newfstatat", 79).containsEntry("exit_group", 94)
                .containsEntry("setgroups", 159).containsEntry("clone", 220).containsEntry("execve", 221)
                .containsEntry("mmap", 222).containsEntry("seccomp", 277).containsEntry("clone3", 435)
                .containsEntry("memfd_secret", 447).containsEntry("mseal", 462)
                .doesNotContainKeys("open", "fork", "arch_prctl", "syscalls", "arch_specific_syscall");
        assertThat(t.values()).doesNotHaveDuplicates();
        assertThat(table("syscalls-x86_64.txt").values()).doesNotHaveDuplicates();
        assertThat(SeccompArch.AARCH64.number("execve")).hasValue(221);
        assertThat(SeccompArch.X86_64.number("execve")).hasValue(59);
    }

    private static Map<String, Integer> table(String resource) throws IOException {
        try (InputStream in = SeccompArch.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).toList();
            return lines.stream().map(l -> l.split(" "))
                    .collect(Collectors.toMap(f -> f[0], f -> Integer.parseInt(f[1])));
        }
    }
}
