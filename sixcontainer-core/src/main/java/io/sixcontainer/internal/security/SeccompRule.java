package io.sixcontainer.internal.security;

import java.util.List;

/**
 * What the filter does for one system call: the first clause whose argument checks all hold
 * decides; when none does, the profile's default action.
 */
record SeccompRule(int nr, List<Clause> clauses) {

    /** Argument checks (all must hold) and the seccomp return value when they do. */
    record Clause(List<ArgCheck> checks, int action) {
    }

    /** libseccomp's comparison operators, on the full 64-bit argument. */
    enum Op {
        EQ, NE, LT, LE, GT, GE, MASKED_EQ
    }

    /** Argument {@code index} compared with {@code value} ({@code valueTwo} for MASKED_EQ: the expected value). */
    record ArgCheck(int index, Op op, long value, long valueTwo) {
    }
}
