package io.sixcontainer.internal.security;

import io.sixcontainer.LaunchException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An architecture the seccomp compiler has a system call table for: the {@code AUDIT_ARCH}
 * the filter checks first (any other, such as 32-bit compat calls, is killed), and the name
 * Docker's profiles use in {@code includes.arches}.
 */
public enum SeccompArch {

    /** x86_64; 32-bit (i386) and x32 calls are killed. */
    X86_64(0xc000003e, "amd64", "syscalls-x86_64.txt"),
    /** aarch64 (arm64); 32-bit (AArch32) calls are killed. */
    AARCH64(0xc00000b7, "arm64", "syscalls-aarch64.txt");

    // The JVM's os.arch names.
    private static final Map<String, SeccompArch> BY_OS_ARCH = Map.of("amd64", X86_64, "x86_64", X86_64,
            "aarch64", AARCH64, "arm64", AARCH64);

    private final int auditArch;
    private final String dockerName;
    private final String table;

    SeccompArch(int auditArch, String dockerName, String table) {
        this.auditArch = auditArch;
        this.dockerName = dockerName;
        this.table = table;
    }

    /** {@code AUDIT_ARCH_*} of linux/audit.h, as {@code seccomp_data.arch} carries it. */
    int auditArch() {
        return auditArch;
    }

    /** Whether x32 calls ({@code nr | 0x40000000}) share the architecture value and must be told apart. */
    boolean hasX32() {
        return this == X86_64;
    }

    /** The name in a Docker profile's {@code arches}. */
    String dockerName() {
        return dockerName;
    }

    /** The number of the system call {@code name} here, if it has one. */
    OptionalInt number(String name) {
        return SyscallTable.number(table, name);
    }

    /** The architecture this JVM runs on, or a {@link LaunchException} if a filter cannot be built for it. */
    public static SeccompArch running() {
        return of(System.getProperty("os.arch", ""));
    }

    /**
     * The architecture of the JVM's {@code os.arch} name {@code osArch}.
     *
     * @throws LaunchException naming the architecture if there is no system call table for it:
     *                         a container is never run unconfined silently
     */
    public static SeccompArch of(String osArch) {
        return find(osArch).orElseThrow(() -> new LaunchException("seccomp: no system call table for the"
                + " architecture '" + osArch + "' (there are tables for x86_64 and aarch64); run the container"
                + " without a filter (Security.Builder.seccompUnconfined(), --security-opt seccomp=unconfined)"
                + " to run it here", "seccomp", 0, osArch, null));
    }

    /** The architecture of the JVM's {@code os.arch} name {@code osArch}, if there is a table for it. */
    public static Optional<SeccompArch> find(String osArch) {
        return Optional.ofNullable(BY_OS_ARCH.get(osArch.toLowerCase(Locale.ROOT)));
    }
}
