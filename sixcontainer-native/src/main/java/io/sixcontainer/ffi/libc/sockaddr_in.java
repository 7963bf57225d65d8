// Generated in jextract's layout from <netinet/in.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@snippet lang=c :
 * struct sockaddr_in { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; unsigned char sin_zero[8]; }
 * }
 * {@code sin_port} and {@code sin_addr} are in network byte order: the accessors take and give
 * them as the bytes on the wire.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class sockaddr_in {

    private sockaddr_in() {
    }

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("sin_family"),
            ValueLayout.JAVA_SHORT.withName("sin_port"),
            MemoryLayout.sequenceLayout(4, ValueLayout.JAVA_BYTE).withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, ValueLayout.JAVA_BYTE).withName("sin_zero")
    ).withName("sockaddr_in");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return LAYOUT;
    }

    /** Allocates a zeroed instance in {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate(LAYOUT);
    }

    /** Sets {@code sin_family}. */
    public static void sin_family(MemorySegment struct, short value) {
        struct.set(ValueLayout.JAVA_SHORT, 0, value);
    }

    /** Gets {@code sin_port} as a host-order number. */
    public static int sin_port(MemorySegment struct) {
        return ((struct.get(ValueLayout.JAVA_BYTE, 2) & 0xff) << 8) | (struct.get(ValueLayout.JAVA_BYTE, 3) & 0xff);
    }

    /** Sets {@code sin_port} from a host-order number. */
    public static void sin_port(MemorySegment struct, int port) {
        struct.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >>> 8));
        struct.set(ValueLayout.JAVA_BYTE, 3, (byte) port);
    }

    /** Sets {@code sin_addr} from the address's four bytes, most significant first. */
    public static void sin_addr(MemorySegment struct, byte[] address) {
        MemorySegment.copy(address, 0, struct, ValueLayout.JAVA_BYTE, 4, 4);
    }
}
