package io.sixcontainer.internal.security;

import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.internal.security.SeccompRule.ArgCheck;
import io.sixcontainer.internal.security.SeccompRule.Clause;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles resolved seccomp rules to a classic BPF program for one architecture. Layout: check
 * the architecture (anything else is killed: no i386 or x32 calls on x86_64, no AArch32 calls
 * on aarch64), then a
 * binary search over the system call numbers that have a rule, then one handler per rule.
 * A conditional jump's offsets are 8 bits; every far jump is therefore a {@code BPF_JA}
 * (32-bit offset) reached by a conditional jump of 0 or 1, and the short forward jumps
 * inside a handler are checked against the 255 limit when labels are resolved.
 */
final class BpfCompiler {

    private static final int X32_SYSCALL_BIT = 0x40000000;
    private static final int MAX_INSNS = 4096;
    private static final int LEAF = 4;

    // struct seccomp_data: nr at 0, arch at 4, args[6] (u64) from 16.
    private static final int OFF_NR = 0;
    private static final int OFF_ARCH = 4;
    private static final int OFF_ARGS = 16;

    private static final int LD_W_ABS = 0x20;
    private static final int JA = 0x05;
    private static final int JEQ = 0x15;
    private static final int JGT = 0x25;
    private static final int JGE = 0x35;
    private static final int AND_K = 0x54;
    private static final int RET_K = 0x06;

    private final SeccompArch arch;
    private final int defaultAction;
    private final List<SeccompRule> rules;
    private final List<Insn> code = new ArrayList<>();
    private final Map<Integer, Integer> labels = new HashMap<>();
    private final Map<Integer, Integer> returnLabels = new HashMap<>();
    private int nextLabel;

    BpfCompiler(SeccompArch arch, int defaultAction, List<SeccompRule> rules) {
        this.arch = arch;
        this.defaultAction = defaultAction;
        this.rules = rules.stream().sorted(Comparator.comparingInt(SeccompRule::nr)).toList();
    }

    /** An instruction; a jump names its targets by label (or -1: fall through). */
    private record Insn(int code, int k, int jt, int jf) {
    }

    byte[] compile() {
        int badArch = newLabel();
        int dflt = returnLabel(defaultAction);
        emit(LD_W_ABS, OFF_ARCH);
        emitRaw(JEQ, arch.auditArch(), 1, 0);
        ja(badArch);
        emit(LD_W_ABS, OFF_NR);
        if (arch.hasX32()) {
            emitRaw(JGE, X32_SYSCALL_BIT, 0, 1);
            ja(badArch);
        }
        int[] handlers = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            handlers[i] = unconditional(rules.get(i)) ? returnLabel(rules.get(i).clauses().get(0).action()) : newLabel();
        }
        search(0, rules.size(), handlers, dflt);
        for (int i = 0; i < rules.size(); i++) {
            if (!unconditional(rules.get(i))) {
                place(handlers[i]);
                handler(rules.get(i));
            }
        }
        place(badArch);
        emit(RET_K, SeccompProfile.RET_KILL_PROCESS);
        returnLabels.forEach((action, label) -> {
            place(label);
            emit(RET_K, action);
        });
        return encode();
    }

    private static boolean unconditional(SeccompRule r) {
        return r.clauses().get(0).checks().isEmpty();
    }

    // Binary search over rules[from, to): every jump here is 0/1 or a BPF_JA.
    private void search(int from, int to, int[] handlers, int dflt) {
        if (to - from <= LEAF) {
            for (int i = from; i < to; i++) {
                emitRaw(JEQ, rules.get(i).nr(), 0, 1);
                ja(handlers[i]);
            }
            ja(dflt);
            return;
        }
        int mid = (from + to) / 2;
        int right = newLabel();
        emitRaw(JGE, rules.get(mid).nr(), 0, 1);
        ja(right);
        search(from, mid, handlers, dflt);
        place(right);
        search(mid, to, handlers, dflt);
    }

    private void handler(SeccompRule rule) {
        for (Clause c : rule.clauses()) {
            int next = newLabel();
            for (ArgCheck a : c.checks()) {
                check(a, next);
            }
            emit(RET_K, c.action());
            place(next);
            if (c.checks().isEmpty()) {
                return;
            }
        }
        emit(RET_K, defaultAction);
    }

    // Falls through when the check holds, jumps to fail when not. Arguments are 64-bit: high
    // word at +4, low word at +0 (little-endian).
    private void check(ArgCheck a, int fail) {
        int lo = OFF_ARGS + 8 * a.index();
        int hi = lo + 4;
        int vlo = (int) a.value();
        int vhi = (int) (a.value() >>> 32);
        int pass = newLabel();
        switch (a.op()) {
            case EQ -> {
                emit(LD_W_ABS, hi);
                jump(JEQ, vhi, -1, fail);
                emit(LD_W_ABS, lo);
                jump(JEQ, vlo, -1, fail);
            }
            case NE -> {
                emit(LD_W_ABS, hi);
                jump(JEQ, vhi, -1, pass);
                emit(LD_W_ABS, lo);
                jump(JEQ, vlo, fail, -1);
            }
            case MASKED_EQ -> {
                int elo = (int) a.valueTwo();
                int ehi = (int) (a.valueTwo() >>> 32);
                emit(LD_W_ABS, hi);
                emit(AND_K, vhi);
                jump(JEQ, ehi, -1, fail);
                emit(LD_W_ABS, lo);
                emit(AND_K, vlo);
                jump(JEQ, elo, -1, fail);
            }
            case GT, GE -> {
                emit(LD_W_ABS, hi);
                jump(JGT, vhi, pass, -1);
                jump(JEQ, vhi, -1, fail);
                emit(LD_W_ABS, lo);
                jump(a.op() == SeccompRule.Op.GT ? JGT : JGE, vlo, -1, fail);
            }
            case LT, LE -> {
                emit(LD_W_ABS, hi);
                jump(JGT, vhi, fail, -1);
                jump(JEQ, vhi, -1, pass);
                emit(LD_W_ABS, lo);
                jump(a.op() == SeccompRule.Op.LT ? JGE : JGT, vlo, fail, -1);
            }
        }
        place(pass);
    }

    private int returnLabel(int action) {
        return returnLabels.computeIfAbsent(action, a -> newLabel());
    }

    private int newLabel() {
        return nextLabel++;
    }

    private void place(int label) {
        labels.put(label, code.size());
    }

    private void emit(int op, int k) {
        code.add(new Insn(op, k, -1, -1));
    }

    // A conditional jump with raw offsets (the search tree's 0/1).
    private void emitRaw(int op, int k, int jt, int jf) {
        code.add(new Insn(op, k, -2 - jt, -2 - jf));
    }

    private void jump(int op, int k, int jtLabel, int jfLabel) {
        code.add(new Insn(op, k, jtLabel, jfLabel));
    }

    private void ja(int label) {
        code.add(new Insn(JA, label, -1, -1));
    }

    private byte[] encode() {
        if (code.size() > MAX_INSNS) {
            throw new InvalidSpecException("seccomp profile compiles to " + code.size()
                    + " BPF instructions, more than the kernel's " + MAX_INSNS);
        }
        ByteBuffer out = ByteBuffer.allocate(code.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int pc = 0; pc < code.size(); pc++) {
            Insn in = code.get(pc);
            int k = in.code() == JA ? labels.get(in.k()) - pc - 1 : in.k();
            out.putShort((short) in.code()).put(offset(in.jt(), pc)).put(offset(in.jf(), pc)).putInt(k);
        }
        return out.array();
    }

    // -1: fall through; <= -2: a raw offset; otherwise a label.
    private byte offset(int target, int pc) {
        if (target == -1) {
            return 0;
        }
        int off = target <= -2 ? -2 - target : labels.get(target) - pc - 1;
        if (off < 0 || off > 255) {
            throw new IllegalStateException("BPF jump offset " + off + " at " + pc + " out of range");
        }
        return (byte) off;
    }
}
