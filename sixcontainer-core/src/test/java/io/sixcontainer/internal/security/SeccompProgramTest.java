package io.sixcontainer.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the compiled default profile through a classic-BPF interpreter written from the
 * kernel's documentation (networking/filter.rst), so every decision and every jump offset of
 * the program is exercised without a kernel. The containers' view is in SeccompTest.
 */
class SeccompProgramTest {

    private static final int X86_64 = 0xc000003e;
    private static final int I386 = 0x40000003;
    private static final int ALLOW = 0x7fff0000;
    private static final int EPERM = 0x00050001;
    private static final int ENOSYS = 0x00050026;
    private static final int KILL_PROCESS = 0x80000000;
    private static final long CLONE_NEWNET = 0x40000000L;
    private static final long SIGCHLD = 17;

    private static final int AARCH64 = 0xc00000b7;
    private static final int ARM = 0x40000028;

    private static final byte[] DEFAULT = SeccompProfile.parse(SeccompProfile.defaultJson(),
            Set.of("CAP_CHOWN", "CAP_KILL"), SeccompArch.X86_64).compile();
    private static final byte[] DEFAULT_AARCH64 = SeccompProfile.parse(SeccompProfile.defaultJson(),
            Set.of("CAP_CHOWN", "CAP_KILL"), SeccompArch.AARCH64).compile();

    @Test
    void decisionsOfTheDefaultProfile() {
        assertThat(run(DEFAULT, X86_64, 0)).as("read").isEqualTo(ALLOW);
        assertThat(run(DEFAULT, X86_64, 59)).as("execve").isEqualTo(ALLOW);
        assertThat(run(DEFAULT, X86_64, 435)).as("clone3").isEqualTo(ENOSYS);
        assertThat(run(DEFAULT, X86_64, 56, SIGCHLD)).as("clone for a thread or fork").isEqualTo(ALLOW);
        assertThat(run(DEFAULT, X86_64, 56, CLONE_NEWNET | SIGCHLD)).as("clone(CLONE_NEWNET)").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 272)).as("unshare").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 308)).as("setns").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 165)).as("mount").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 246)).as("kexec_load").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 250)).as("keyctl").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 321)).as("bpf").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 323)).as("userfaultfd").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 41, 2)).as("socket(AF_INET)").isEqualTo(ALLOW);
        assertThat(run(DEFAULT, X86_64, 41, 40)).as("socket(AF_VSOCK)").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 135, 8)).as("personality(8)").isEqualTo(ALLOW);
        assertThat(run(DEFAULT, X86_64, 135, 0xffffffffL)).as("personality(query)").isEqualTo(ALLOW);
        assertThat(run(DEFAULT, X86_64, 135, 1)).as("personality(1)").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 135, 8 | 1L << 32)).as("a high word counts").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 9999)).as("unknown").isEqualTo(EPERM);
        assertThat(run(DEFAULT, X86_64, 0x40000000)).as("x32").isEqualTo(KILL_PROCESS);
        assertThat(run(DEFAULT, I386, 3)).as("i386").isEqualTo(KILL_PROCESS);
        assertThat(run(DEFAULT, AARCH64, 63)).as("an aarch64 call").isEqualTo(KILL_PROCESS);
    }

    // The numbers are asm-generic's: the same decisions as on x86_64, at other numbers.
    @Test
    void decisionsOfTheDefaultProfileOnAarch64() {
        byte[] p = DEFAULT_AARCH64;
        assertThat(run(p, AARCH64, 63)).as("read").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 56)).as("openat").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 221)).as("execve").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 435)).as("clone3").isEqualTo(ENOSYS);
        assertThat(run(p, AARCH64, 220, SIGCHLD)).as("clone for a thread or fork").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 220, CLONE_NEWNET | SIGCHLD)).as("clone(CLONE_NEWNET)").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 97)).as("unshare").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 268)).as("setns").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 40)).as("mount").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 104)).as("kexec_load").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 219)).as("keyctl").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 280)).as("bpf").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 282)).as("userfaultfd").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 198, 2)).as("socket(AF_INET)").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 198, 40)).as("socket(AF_VSOCK)").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 92, 8)).as("personality(8)").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 92, 1)).as("personality(1)").isEqualTo(EPERM);
        assertThat(run(p, AARCH64, 462)).as("mseal").isEqualTo(ALLOW);
        assertThat(run(p, AARCH64, 9999)).as("unknown").isEqualTo(EPERM);
        // No x32 on aarch64: that bit is just an unknown number there.
        assertThat(run(p, AARCH64, 0x40000000)).as("bit 30").isEqualTo(EPERM);
        assertThat(run(p, ARM, 3)).as("a 32-bit (AArch32) call").isEqualTo(KILL_PROCESS);
        assertThat(run(p, X86_64, 0)).as("an x86_64 call").isEqualTo(KILL_PROCESS);
        byte[] admin = SeccompProfile.parse(SeccompProfile.defaultJson(), Set.of("CAP_SYS_ADMIN"), SeccompArch.AARCH64)
                .compile();
        assertThat(run(admin, AARCH64, 97)).as("unshare with CAP_SYS_ADMIN").isEqualTo(ALLOW);
        assertThat(run(admin, AARCH64, 40)).as("mount with CAP_SYS_ADMIN").isEqualTo(ALLOW);
    }

    @Test
    void withSysAdminTheNamespaceCallsAreAllowed() {
        byte[] admin = SeccompProfile.parse(SeccompProfile.defaultJson(), Set.of("CAP_SYS_ADMIN"), SeccompArch.X86_64)
                .compile();
        assertThat(run(admin, X86_64, 272)).isEqualTo(ALLOW);
        assertThat(run(admin, X86_64, 56, CLONE_NEWNET)).isEqualTo(ALLOW);
        assertThat(run(admin, X86_64, 435)).isEqualTo(ALLOW);
    }

    @Test
    void orderingComparisonsOn64BitArguments() {
        String json = """
                {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
                 {"names": ["read"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 2, "value": 4294967296, "op": "SCMP_CMP_GT"}]},
                 {"names": ["write"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 2, "value": 4294967296, "op": "SCMP_CMP_LE"}]}]}""";
        byte[] p = SeccompProfile.parse(json, Set.of(), SeccompArch.X86_64).compile();
        assertThat(run(p, X86_64, 0, 0, 0, (1L << 32) + 1)).isEqualTo(EPERM);
        assertThat(run(p, X86_64, 0, 0, 0, 1L << 32)).isEqualTo(ALLOW);
        assertThat(run(p, X86_64, 0, 0, 0, 0xffffffffL)).isEqualTo(ALLOW);
        assertThat(run(p, X86_64, 1, 0, 0, 1L << 32)).isEqualTo(EPERM);
        assertThat(run(p, X86_64, 1, 0, 0, 5)).isEqualTo(EPERM);
        assertThat(run(p, X86_64, 1, 0, 0, (1L << 32) + 1)).isEqualTo(ALLOW);
    }

    /** Interprets the subset of classic BPF the compiler emits; fails on anything else. */
    private static int run(byte[] program, int arch, int nr, long... args) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, nr).putInt(4, arch);
        for (int i = 0; i < args.length; i++) {
            data.putLong(16 + 8 * i, args[i]);
        }
        ByteBuffer code = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        int n = program.length / 8;
        int a = 0;
        for (int pc = 0; pc < n; pc++) {
            int op = code.getShort(pc * 8) & 0xffff;
            int jt = code.get(pc * 8 + 2) & 0xff;
            int jf = code.get(pc * 8 + 3) & 0xff;
            int k = code.getInt(pc * 8 + 4);
            switch (op) {
                case 0x20 -> a = data.getInt(k);
                case 0x54 -> a &= k;
                case 0x06 -> {
                    return k;
                }
                case 0x05 -> pc += k;
                case 0x15 -> pc += a == k ? jt : jf;
                case 0x25 -> pc += Integer.compareUnsigned(a, k) > 0 ? jt : jf;
                case 0x35 -> pc += Integer.compareUnsigned(a, k) >= 0 ? jt : jf;
                default -> throw new AssertionError("unexpected opcode " + op + " at " + pc);
            }
        }
        throw new AssertionError("ran off the end of the program");
    }
}
