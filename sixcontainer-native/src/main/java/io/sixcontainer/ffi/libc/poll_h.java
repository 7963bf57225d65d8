// Generated in jextract's layout from <poll.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <poll.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class poll_h extends libc_h$shared {

    private poll_h() {
    }

    private static final int POLLIN = 1;

    /** {@snippet lang=c : #define POLLIN 1} */
    public static int POLLIN() {
        return POLLIN;
    }

    private static final int POLLHUP = 16;

    /** {@snippet lang=c : #define POLLHUP 16} */
    public static int POLLHUP() {
        return POLLHUP;
    }

    private static final class poll {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT);
        static final MemorySegment ADDR = findOrThrow("poll");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code poll}. */
    public static FunctionDescriptor poll$descriptor() {
        return poll.DESC;
    }

    /** Downcall method handle for {@code poll}. */
    public static MethodHandle poll$handle() {
        return poll.HANDLE;
    }

    /** Address of {@code poll}. */
    public static MemorySegment poll$address() {
        return poll.ADDR;
    }

    /**
     * {@snippet lang=c : int poll(struct pollfd *fds, nfds_t nfds, int timeout) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int poll(MemorySegment errnoState, MemorySegment fds, long nfds, int timeout) {
        try {
            return (int) poll.HANDLE.invokeExact(errnoState, fds, nfds, timeout);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
