// Generated in jextract's layout from <sys/xattr.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/xattr.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_xattr_h extends libc_h$shared {

    private sys_xattr_h() {
    }

    private static final class lsetxattr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_INT);
        static final MemorySegment ADDR = findOrThrow("lsetxattr");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code lsetxattr}. */
    public static FunctionDescriptor lsetxattr$descriptor() {
        return lsetxattr.DESC;
    }

    /** Downcall method handle for {@code lsetxattr}. */
    public static MethodHandle lsetxattr$handle() {
        return lsetxattr.HANDLE;
    }

    /** Address of {@code lsetxattr}. */
    public static MemorySegment lsetxattr$address() {
        return lsetxattr.ADDR;
    }

    /**
     * {@snippet lang=c : int lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int lsetxattr(MemorySegment errnoState, MemorySegment path, MemorySegment name, MemorySegment value,
            long size, int flags) {
        try {
            return (int) lsetxattr.HANDLE.invokeExact(errnoState, path, name, value, size, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class lgetxattr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_POINTER, C_LONG);
        static final MemorySegment ADDR = findOrThrow("lgetxattr");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code lgetxattr}. */
    public static FunctionDescriptor lgetxattr$descriptor() {
        return lgetxattr.DESC;
    }

    /** Downcall method handle for {@code lgetxattr}. */
    public static MethodHandle lgetxattr$handle() {
        return lgetxattr.HANDLE;
    }

    /** Address of {@code lgetxattr}. */
    public static MemorySegment lgetxattr$address() {
        return lgetxattr.ADDR;
    }

    /**
     * {@snippet lang=c : ssize_t lgetxattr(const char *path, const char *name, void *value, size_t size) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static long lgetxattr(MemorySegment errnoState, MemorySegment path, MemorySegment name, MemorySegment value,
            long size) {
        try {
            return (long) lgetxattr.HANDLE.invokeExact(errnoState, path, name, value, size);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
