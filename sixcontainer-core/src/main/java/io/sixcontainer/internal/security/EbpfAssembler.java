package io.sixcontainer.internal.security;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the few eBPF instructions sixcontainer's programs need, with forward jumps to
 * labels. Encoding (linux/bpf.h, struct bpf_insn; little-endian hosts only): opcode byte,
 * then dst register in the low and src register in the high nibble, a signed 16-bit offset
 * (jumps: relative to the next instruction), a signed 32-bit immediate.
 */
final class EbpfAssembler {

    static final int R0 = 0;
    static final int R1 = 1;
    static final int R2 = 2;
    static final int R3 = 3;
    static final int R4 = 4;
    static final int R5 = 5;

    // class | op | source, from linux/bpf_common.h and linux/bpf.h
    private static final int LDX_MEM_W = 0x01 | 0x60 | 0x00;
    private static final int ALU32_AND_K = 0x04 | 0x50 | 0x00;
    private static final int ALU32_RSH_K = 0x04 | 0x70 | 0x00;
    private static final int ALU32_MOV_X = 0x04 | 0xb0 | 0x08;
    private static final int ALU64_MOV_K = 0x07 | 0xb0 | 0x00;
    private static final int JMP_JNE_K = 0x05 | 0x50 | 0x00;
    private static final int JMP_JNE_X = 0x05 | 0x50 | 0x08;
    private static final int JMP_EXIT = 0x05 | 0x90;

    /** A jump target; placed once, before or after the jumps to it. */
    static final class Label {
        private int pc = -1;
    }

    private record Insn(int code, int dst, int src, int off, int imm, Label target) {
    }

    private final List<Insn> code = new ArrayList<>();

    /** {@code dst = *(u32 *)(src + off)}. */
    EbpfAssembler loadWord(int dst, int src, int off) {
        return add(new Insn(LDX_MEM_W, dst, src, off, 0, null));
    }

    /** {@code (u32) dst &= imm}. */
    EbpfAssembler and32(int dst, int imm) {
        return add(new Insn(ALU32_AND_K, dst, 0, 0, imm, null));
    }

    /** {@code (u32) dst >>= imm}. */
    EbpfAssembler shiftRight32(int dst, int imm) {
        return add(new Insn(ALU32_RSH_K, dst, 0, 0, imm, null));
    }

    /** {@code (u32) dst = (u32) src}. */
    EbpfAssembler move32(int dst, int src) {
        return add(new Insn(ALU32_MOV_X, dst, src, 0, 0, null));
    }

    /** {@code dst = imm} (64-bit, the immediate sign-extended). */
    EbpfAssembler move64(int dst, int imm) {
        return add(new Insn(ALU64_MOV_K, dst, 0, 0, imm, null));
    }

    /** {@code if (dst != imm) goto target} (64-bit compare, the immediate sign-extended). */
    EbpfAssembler jumpIfNotEqual(int dst, int imm, Label target) {
        return add(new Insn(JMP_JNE_K, dst, 0, 0, imm, target));
    }

    /** {@code if (dst != src) goto target}. */
    EbpfAssembler jumpIfNotEqualRegister(int dst, int src, Label target) {
        return add(new Insn(JMP_JNE_X, dst, src, 0, 0, target));
    }

    /** {@code return r0}. */
    EbpfAssembler exit() {
        return add(new Insn(JMP_EXIT, 0, 0, 0, 0, null));
    }

    /** Places {@code label} at the next instruction. */
    EbpfAssembler place(Label label) {
        if (label.pc >= 0) {
            throw new IllegalStateException("label placed twice");
        }
        label.pc = code.size();
        return this;
    }

    /** The number of instructions so far. */
    int size() {
        return code.size();
    }

    /** The program, 8 bytes per instruction, every label resolved. */
    byte[] assemble() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("eBPF register nibbles are laid out for little-endian hosts only");
        }
        ByteBuffer out = ByteBuffer.allocate(code.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int pc = 0; pc < code.size(); pc++) {
            Insn in = code.get(pc);
            int off = in.off();
            if (in.target() != null) {
                if (in.target().pc < 0) {
                    throw new IllegalStateException("jump at " + pc + " to a label never placed");
                }
                off = in.target().pc - pc - 1;
                if (off < 0 || off > Short.MAX_VALUE) {
                    throw new IllegalStateException("eBPF jump offset " + off + " at " + pc + " out of range");
                }
            }
            out.put((byte) in.code()).put((byte) (in.dst() | in.src() << 4)).putShort((short) off).putInt(in.imm());
        }
        return out.array();
    }

    private EbpfAssembler add(Insn insn) {
        code.add(insn);
        return this;
    }
}
