// Generated in jextract's layout from <linux/netlink.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c :
 * struct sockaddr_nl { __kernel_sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
 * }
 */
@SuppressWarnings("checkstyle:TypeName")
public final class sockaddr_nl {

    private sockaddr_nl() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("nl_family"),
            ValueLayout.JAVA_SHORT.withName("nl_pad"),
            ValueLayout.JAVA_INT.withName("nl_pid"),
            ValueLayout.JAVA_INT.withName("nl_groups")
    ).withName("sockaddr_nl");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** Allocates a zeroed instance in {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(LAYOUT);
    }

    /** Sets {@code nl_family}. */
    public static void nl_family(MemorySegment struct, short value) {
        struct.set(ValueLayout.JAVA_SHORT, 0, value);
    }

    /** Gets {@code nl_pid}. */
    public static int nl_pid(MemorySegment struct) {
        return struct.get(ValueLayout.JAVA_INT, 4);
    }

    /** Sets {@code nl_pid}. */
    public static void nl_pid(MemorySegment struct, int value) {
        struct.set(ValueLayout.JAVA_INT, 4, value);
    }

    /** Sets {@code nl_groups}. */
    public static void nl_groups(MemorySegment struct, int value) {
        struct.set(ValueLayout.JAVA_INT, 8, value);
    }
}
