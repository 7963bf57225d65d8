// Generated in jextract's layout from <termios.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c : struct termios { tcflag_t c_iflag, c_oflag, c_cflag, c_lflag; cc_t c_line;
 *     cc_t c_cc[32]; speed_t c_ispeed, c_ospeed; } }
 * glibc's layout on x86_64 and aarch64 (60 bytes). Java reads only {@code c_lflag}; the rest
 * is copied whole and changed by {@code cfmakeraw}.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class termios {

    private termios() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("c_iflag"),
            ValueLayout.JAVA_INT.withName("c_oflag"),
            ValueLayout.JAVA_INT.withName("c_cflag"),
            ValueLayout.JAVA_INT.withName("c_lflag"),
            ValueLayout.JAVA_BYTE.withName("c_line"),
            MemoryLayout.sequenceLayout(32, ValueLayout.JAVA_BYTE).withName("c_cc"),
            MemoryLayout.paddingLayout(3),
            ValueLayout.JAVA_INT.withName("c_ispeed"),
            ValueLayout.JAVA_INT.withName("c_ospeed")
    ).withName("termios");

    private static final long C_LFLAG = 12;

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

    /** Getter for {@code c_lflag}. */
    public static int c_lflag(MemorySegment struct) {
        return struct.get(ValueLayout.JAVA_INT, C_LFLAG);
    }
}
