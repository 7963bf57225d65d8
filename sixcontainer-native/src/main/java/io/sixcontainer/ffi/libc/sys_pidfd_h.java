// Generated in jextract's layout from <sys/pidfd.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/pidfd.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_pidfd_h extends libc_h$shared {

    private sys_pidfd_h() {
    }

    private static final class pidfd_open {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("pidfd_open");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code pidfd_open}. */
    public static FunctionDescriptor pidfd_open$descriptor() {
        return pidfd_open.DESC;
    }

    /** Downcall method handle for {@code pidfd_open}. */
    public static MethodHandle pidfd_open$handle() {
        return pidfd_open.HANDLE;
    }

    /** Address of {@code pidfd_open}. */
    public static MemorySegment pidfd_open$address() {
        return pidfd_open.ADDR;
    }

    /**
     * {@snippet lang=c : int pidfd_open(pid_t pid, unsigned int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int pidfd_open(MemorySegment errnoState, int pid, int flags) {
        try {
            return (int) pidfd_open.HANDLE.invokeExact(errnoState, pid, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class pidfd_send_signal {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("pidfd_send_signal");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code pidfd_send_signal}. */
    public static FunctionDescriptor pidfd_send_signal$descriptor() {
        return pidfd_send_signal.DESC;
    }

    /** Downcall method handle for {@code pidfd_send_signal}. */
    public static MethodHandle pidfd_send_signal$handle() {
        return pidfd_send_signal.HANDLE;
    }

    /** Address of {@code pidfd_send_signal}. */
    public static MemorySegment pidfd_send_signal$address() {
        return pidfd_send_signal.ADDR;
    }

    /**
     * {@snippet lang=c : int pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int pidfd_send_signal(MemorySegment errnoState, int pidfd, int sig, MemorySegment info, int flags) {
        try {
            return (int) pidfd_send_signal.HANDLE.invokeExact(errnoState, pidfd, sig, info, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
