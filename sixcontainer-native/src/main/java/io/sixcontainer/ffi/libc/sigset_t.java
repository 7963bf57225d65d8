// Generated in jextract's layout from <signal.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c : typedef struct { glibc: unsigned long __val[1024 / (8 * sizeof(unsigned long))] } sigset_t; }
 * Opaque to Java: only its size and alignment matter (x86_64 and aarch64 glibc agree).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class sigset_t {

    private sigset_t() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(128 / 8, ValueLayout.JAVA_LONG).withName("__opaque")
    ).withName("sigset_t");

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
