// Generated in jextract's layout from <sys/wait.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/wait.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_wait_h extends libc_h$shared {

    private sys_wait_h() {
    }

    private static final int WNOHANG = 1;

    /** {@snippet lang=c : #define WNOHANG 1} */
    public static int WNOHANG() {
        return WNOHANG;
    }

    private static final class waitpid {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("waitpid");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code waitpid}. */
    public static FunctionDescriptor waitpid$descriptor() {
        return waitpid.DESC;
    }

    /** Downcall method handle for {@code waitpid}. */
    public static MethodHandle waitpid$handle() {
        return waitpid.HANDLE;
    }

    /** Address of {@code waitpid}. */
    public static MemorySegment waitpid$address() {
        return waitpid.ADDR;
    }

    /**
     * {@snippet lang=c : pid_t waitpid(pid_t pid, int *wstatus, int options) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int waitpid(MemorySegment errnoState, int pid, MemorySegment wstatus, int options) {
        try {
            return (int) waitpid.HANDLE.invokeExact(errnoState, pid, wstatus, options);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
