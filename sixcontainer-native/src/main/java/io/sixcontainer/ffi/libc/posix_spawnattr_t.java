// Generated in jextract's layout from <spawn.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c : typedef struct { glibc: short flags; pid_t pgrp; sigset_t sd, ss; struct sched_param sp; int policy; int __pad[16] } posix_spawnattr_t; }
 * Opaque to Java: only its size and alignment matter (x86_64 and aarch64 glibc agree).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class posix_spawnattr_t {

    private posix_spawnattr_t() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(336 / 8, ValueLayout.JAVA_LONG).withName("__opaque")
    ).withName("posix_spawnattr_t");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** The size of this struct in bytes. */
    public static long sizeof() {
        return LAYOUT.byteSize();
    }

    /** Allocates a zeroed instance in {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(LAYOUT);
    }
}
