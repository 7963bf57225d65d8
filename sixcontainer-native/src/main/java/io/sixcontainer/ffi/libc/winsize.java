// Generated in jextract's layout from <sys/ioctl.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c : struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; } }
 */
@SuppressWarnings("checkstyle:TypeName")
public final class winsize {

    private winsize() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("ws_row"),
            ValueLayout.JAVA_SHORT.withName("ws_col"),
            ValueLayout.JAVA_SHORT.withName("ws_xpixel"),
            ValueLayout.JAVA_SHORT.withName("ws_ypixel")
    ).withName("winsize");

    private static final long WS_ROW = 0;
    private static final long WS_COL = 2;

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

    /** Getter for {@code ws_row} (an unsigned short, returned as its raw 16 bits). */
    public static short ws_row(MemorySegment struct) {
        return struct.get(ValueLayout.JAVA_SHORT, WS_ROW);
    }

    /** Setter for {@code ws_row}. */
    public static void ws_row(MemorySegment struct, short value) {
        struct.set(ValueLayout.JAVA_SHORT, WS_ROW, value);
    }

    /** Getter for {@code ws_col} (an unsigned short, returned as its raw 16 bits). */
    public static short ws_col(MemorySegment struct) {
        return struct.get(ValueLayout.JAVA_SHORT, WS_COL);
    }

    /** Setter for {@code ws_col}. */
    public static void ws_col(MemorySegment struct, short value) {
        struct.set(ValueLayout.JAVA_SHORT, WS_COL, value);
    }
}
