// Generated in jextract's layout from <poll.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@snippet lang=c : struct pollfd { int fd; short events; short revents; } } */
@SuppressWarnings("checkstyle:TypeName")
public final class pollfd {

    private pollfd() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("fd"),
            ValueLayout.JAVA_SHORT.withName("events"),
            ValueLayout.JAVA_SHORT.withName("revents")
    ).withName("pollfd");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** Allocates a zeroed instance in {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(LAYOUT);
    }

    /** Sets {@code fd}. */
    public static void fd(MemorySegment struct, int value) {
        struct.set(ValueLayout.JAVA_INT, 0, value);
    }

    /** Sets {@code events}. */
    public static void events(MemorySegment struct, short value) {
        struct.set(ValueLayout.JAVA_SHORT, 4, value);
    }

    /** Gets {@code revents}. */
    public static short revents(MemorySegment struct) {
        return struct.get(ValueLayout.JAVA_SHORT, 6);
    }
}
