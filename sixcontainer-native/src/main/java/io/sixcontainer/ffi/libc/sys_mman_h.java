// Generated in jextract's layout from <sys/mman.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/mman.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_mman_h extends libc_h$shared {

    private sys_mman_h() {
    }

    private static final int MFD_CLOEXEC = 1;

    /** {@snippet lang=c : #define MFD_CLOEXEC 1} */
    public static int MFD_CLOEXEC() {
        return MFD_CLOEXEC;
    }

    private static final int MFD_ALLOW_SEALING = 2;

    /** {@snippet lang=c : #define MFD_ALLOW_SEALING 2} */
    public static int MFD_ALLOW_SEALING() {
        return MFD_ALLOW_SEALING;
    }

    private static final int MFD_EXEC = 16;

    /** {@snippet lang=c : #define MFD_EXEC 16} */
    public static int MFD_EXEC() {
        return MFD_EXEC;
    }

    private static final class memfd_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("memfd_create");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code memfd_create}. */
    public static FunctionDescriptor memfd_create$descriptor() {
        return memfd_create.DESC;
    }

    /** Downcall method handle for {@code memfd_create}. */
    public static MethodHandle memfd_create$handle() {
        return memfd_create.HANDLE;
    }

    /** Address of {@code memfd_create}. */
    public static MemorySegment memfd_create$address() {
        return memfd_create.ADDR;
    }

    /**
     * {@snippet lang=c : int memfd_create(const char *name, unsigned int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int memfd_create(MemorySegment errnoState, MemorySegment name, int flags) {
        try {
            return (int) memfd_create.HANDLE.invokeExact(errnoState, name, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
