package io.sixcontainer.internal.security;

import io.sixcontainer.DeviceRule;
import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.internal.security.EbpfAssembler.Label;
import java.util.List;

/**
 * Compiles device rules to a {@code BPF_PROG_TYPE_CGROUP_DEVICE} program, the cgroup v2
 * counterpart of the v1 {@code devices} controller. The kernel calls it on every open and
 * mknod of a device node with a {@code struct bpf_cgroup_dev_ctx}: {@code access_type} at 0
 * ({@code access << 16 | type}), {@code major} at 4, {@code minor} at 8, all u32; it returns
 * 1 to allow, 0 to deny (EPERM). Layout: unpack the context into r2..r5, then one block per
 * rule that falls through to "allow" when everything it names matches, else jumps to the
 * next block; the last one denies.
 */
public final class DeviceProgram {

    /** BPF_MAXINSNS: every kernel's limit before 5.2 (later ones take more from root); 500 rules fit. */
    static final int MAX_INSNS = 4096;

    private static final int TYPE_BLOCK = 1;
    private static final int TYPE_CHAR = 2;

    private DeviceProgram() {
    }

    /**
     * The program allowing exactly {@code rules}; never called for rules that allow
     * everything (such a container gets no program).
     *
     * @throws InvalidSpecException when the rules need more than the kernel's instruction limit
     */
    public static byte[] compile(List<DeviceRule> rules) {
        if (DeviceRule.allowsAll(rules)) {
            throw new IllegalArgumentException("rules that allow every device need no program");
        }
        EbpfAssembler a = new EbpfAssembler();
        // r2 = type, r3 = requested access, r4 = major, r5 = minor (ctx r1 is free afterwards)
        a.loadWord(EbpfAssembler.R2, EbpfAssembler.R1, 0).and32(EbpfAssembler.R2, 0xffff);
        a.loadWord(EbpfAssembler.R3, EbpfAssembler.R1, 0).shiftRight32(EbpfAssembler.R3, 16);
        a.loadWord(EbpfAssembler.R4, EbpfAssembler.R1, 4);
        a.loadWord(EbpfAssembler.R5, EbpfAssembler.R1, 8);
        for (DeviceRule rule : rules) {
            Label next = new Label();
            if (rule.type() != 'a') {
                a.jumpIfNotEqual(EbpfAssembler.R2, rule.type() == 'b' ? TYPE_BLOCK : TYPE_CHAR, next);
            }
            if (rule.access() != DeviceRule.ALL_ACCESS) {
                // every requested bit must be allowed: (access & allowed) == access
                a.move32(EbpfAssembler.R1, EbpfAssembler.R3).and32(EbpfAssembler.R1, rule.access())
                        .jumpIfNotEqualRegister(EbpfAssembler.R1, EbpfAssembler.R3, next);
            }
            if (rule.major() != DeviceRule.ANY) {
                a.jumpIfNotEqual(EbpfAssembler.R4, rule.major(), next);
            }
            if (rule.minor() != DeviceRule.ANY) {
                a.jumpIfNotEqual(EbpfAssembler.R5, rule.minor(), next);
            }
            a.move64(EbpfAssembler.R0, 1).exit();
            a.place(next);
        }
        a.move64(EbpfAssembler.R0, 0).exit();
        if (a.size() > MAX_INSNS) {
            throw new InvalidSpecException(rules.size() + " device cgroup rules compile to " + a.size()
                    + " eBPF instructions, more than the kernel's " + MAX_INSNS);
        }
        return a.assemble();
    }
}
