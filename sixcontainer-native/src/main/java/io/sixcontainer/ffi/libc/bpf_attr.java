// Generated in jextract's layout from <linux/bpf.h> (sixcontainer-native/jextract/README.md); only the
// members sixcontainer uses are laid out (the kernel zero-fills the rest of a shorter attr).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c : union bpf_attr } with the anonymous structs of {@code BPF_PROG_LOAD},
 * {@code BPF_PROG_ATTACH}/{@code DETACH}, {@code BPF_*_GET_FD_BY_ID} and the {@code query}
 * member of {@code BPF_PROG_QUERY}.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class bpf_attr {

    private bpf_attr() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.unionLayout(
            MemoryLayout.structLayout(
                    ValueLayout.JAVA_INT.withName("prog_type"),
                    ValueLayout.JAVA_INT.withName("insn_cnt"),
                    ValueLayout.JAVA_LONG.withName("insns"),
                    ValueLayout.JAVA_LONG.withName("license"),
                    ValueLayout.JAVA_INT.withName("log_level"),
                    ValueLayout.JAVA_INT.withName("log_size"),
                    ValueLayout.JAVA_LONG.withName("log_buf"),
                    ValueLayout.JAVA_INT.withName("kern_version"),
                    ValueLayout.JAVA_INT.withName("prog_flags"),
                    MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("prog_name"),
                    ValueLayout.JAVA_INT.withName("prog_ifindex"),
                    ValueLayout.JAVA_INT.withName("expected_attach_type")).withName("$anon$load"),
            MemoryLayout.structLayout(
                    ValueLayout.JAVA_INT.withName("target_fd"),
                    ValueLayout.JAVA_INT.withName("attach_bpf_fd"),
                    ValueLayout.JAVA_INT.withName("attach_type"),
                    ValueLayout.JAVA_INT.withName("attach_flags"),
                    ValueLayout.JAVA_INT.withName("replace_bpf_fd")).withName("$anon$attach"),
            MemoryLayout.structLayout(
                    ValueLayout.JAVA_INT.withName("prog_id"),
                    ValueLayout.JAVA_INT.withName("next_id"),
                    ValueLayout.JAVA_INT.withName("open_flags")).withName("$anon$id"),
            MemoryLayout.structLayout(
                    ValueLayout.JAVA_INT.withName("target_fd"),
                    ValueLayout.JAVA_INT.withName("attach_type"),
                    ValueLayout.JAVA_INT.withName("query_flags"),
                    ValueLayout.JAVA_INT.withName("attach_flags"),
                    ValueLayout.JAVA_LONG.withName("prog_ids"),
                    ValueLayout.JAVA_INT.withName("prog_cnt"),
                    MemoryLayout.paddingLayout(4),
                    ValueLayout.JAVA_LONG.withName("prog_attach_flags")).withName("query")
    ).withName("bpf_attr");

    /** The layout of this union (the members above; {@code sizeof} of the kernel's is larger). */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** Allocates a zeroed instance in {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(LAYOUT);
    }

    /** Sets {@code prog_type} (BPF_PROG_LOAD). */
    public static void prog_type(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 0, value);
    }

    /** Sets {@code insn_cnt} (BPF_PROG_LOAD). */
    public static void insn_cnt(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 4, value);
    }

    /** Sets {@code insns}, the address of the instructions (BPF_PROG_LOAD). */
    public static void insns(MemorySegment union, MemorySegment value) {
        union.set(ValueLayout.JAVA_LONG, 8, value.address());
    }

    /** Sets {@code license}, the address of a NUL-terminated string (BPF_PROG_LOAD). */
    public static void license(MemorySegment union, MemorySegment value) {
        union.set(ValueLayout.JAVA_LONG, 16, value.address());
    }

    /** Sets {@code log_level} (BPF_PROG_LOAD). */
    public static void log_level(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 24, value);
    }

    /** Sets {@code log_size} (BPF_PROG_LOAD). */
    public static void log_size(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 28, value);
    }

    /** Sets {@code log_buf}, the address of the verifier's log buffer (BPF_PROG_LOAD). */
    public static void log_buf(MemorySegment union, MemorySegment value) {
        union.set(ValueLayout.JAVA_LONG, 32, value.address());
    }

    /** The {@code prog_name} array, {@code BPF_OBJ_NAME_LEN} bytes (BPF_PROG_LOAD). */
    public static MemorySegment prog_name(MemorySegment union) {
        return union.asSlice(48, 16);
    }

    /** Sets {@code target_fd} (BPF_PROG_ATTACH, BPF_PROG_DETACH). */
    public static void target_fd(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 0, value);
    }

    /** Sets {@code attach_bpf_fd} (BPF_PROG_ATTACH, BPF_PROG_DETACH). */
    public static void attach_bpf_fd(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 4, value);
    }

    /** Sets {@code attach_type} (BPF_PROG_ATTACH, BPF_PROG_DETACH). */
    public static void attach_type(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 8, value);
    }

    /** Sets {@code attach_flags} (BPF_PROG_ATTACH). */
    public static void attach_flags(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 12, value);
    }

    /** Sets {@code prog_id} (BPF_PROG_GET_FD_BY_ID). */
    public static void prog_id(MemorySegment union, int value) {
        union.set(ValueLayout.JAVA_INT, 0, value);
    }

    /** The {@code query} member (BPF_PROG_QUERY). */
    public static final class query {

        private query() {
        }

        /** Sets {@code query.target_fd}. */
        public static void target_fd(MemorySegment union, int value) {
            union.set(ValueLayout.JAVA_INT, 0, value);
        }

        /** Sets {@code query.attach_type}. */
        public static void attach_type(MemorySegment union, int value) {
            union.set(ValueLayout.JAVA_INT, 4, value);
        }

        /** Sets {@code query.prog_ids}, the address of a {@code __u32} array. */
        public static void prog_ids(MemorySegment union, MemorySegment value) {
            union.set(ValueLayout.JAVA_LONG, 16, value.address());
        }

        /** Gets {@code query.prog_cnt} (how many ids the kernel wrote). */
        public static int prog_cnt(MemorySegment union) {
            return union.get(ValueLayout.JAVA_INT, 24);
        }

        /** Sets {@code query.prog_cnt} (the capacity of {@code prog_ids}). */
        public static void prog_cnt(MemorySegment union, int value) {
            union.set(ValueLayout.JAVA_INT, 24, value);
        }
    }
}
