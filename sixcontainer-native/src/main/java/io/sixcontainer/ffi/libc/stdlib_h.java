// Generated in jextract's layout from <stdlib.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <stdlib.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class stdlib_h extends libc_h$shared {

    private stdlib_h() {
    }

    private static final class posix_openpt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("posix_openpt");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code posix_openpt}. */
    public static FunctionDescriptor posix_openpt$descriptor() {
        return posix_openpt.DESC;
    }

    /** Downcall method handle for {@code posix_openpt}. */
    public static MethodHandle posix_openpt$handle() {
        return posix_openpt.HANDLE;
    }

    /** Address of {@code posix_openpt}. */
    public static MemorySegment posix_openpt$address() {
        return posix_openpt.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_openpt(int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int posix_openpt(MemorySegment errnoState, int flags) {
        try {
            return (int) posix_openpt.HANDLE.invokeExact(errnoState, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class grantpt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("grantpt");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code grantpt}. */
    public static FunctionDescriptor grantpt$descriptor() {
        return grantpt.DESC;
    }

    /** Downcall method handle for {@code grantpt}. */
    public static MethodHandle grantpt$handle() {
        return grantpt.HANDLE;
    }

    /** Address of {@code grantpt}. */
    public static MemorySegment grantpt$address() {
        return grantpt.ADDR;
    }

    /**
     * {@snippet lang=c : int grantpt(int fd) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int grantpt(MemorySegment errnoState, int fd) {
        try {
            return (int) grantpt.HANDLE.invokeExact(errnoState, fd);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class unlockpt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("unlockpt");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code unlockpt}. */
    public static FunctionDescriptor unlockpt$descriptor() {
        return unlockpt.DESC;
    }

    /** Downcall method handle for {@code unlockpt}. */
    public static MethodHandle unlockpt$handle() {
        return unlockpt.HANDLE;
    }

    /** Address of {@code unlockpt}. */
    public static MemorySegment unlockpt$address() {
        return unlockpt.ADDR;
    }

    /**
     * {@snippet lang=c : int unlockpt(int fd) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int unlockpt(MemorySegment errnoState, int fd) {
        try {
            return (int) unlockpt.HANDLE.invokeExact(errnoState, fd);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class ptsname_r {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_LONG);
        static final MemorySegment ADDR = findOrThrow("ptsname_r");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code ptsname_r}. */
    public static FunctionDescriptor ptsname_r$descriptor() {
        return ptsname_r.DESC;
    }

    /** Downcall method handle for {@code ptsname_r}. */
    public static MethodHandle ptsname_r$handle() {
        return ptsname_r.HANDLE;
    }

    /** Address of {@code ptsname_r}. */
    public static MemorySegment ptsname_r$address() {
        return ptsname_r.ADDR;
    }

    /**
     * {@snippet lang=c : int ptsname_r(int fd, char *buf, size_t buflen) }
     * Returns 0 or an error number (not -1 + errno).
     */
    public static int ptsname_r(int fd, MemorySegment buf, long buflen) {
        try {
            return (int) ptsname_r.HANDLE.invokeExact(fd, buf, buflen);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
