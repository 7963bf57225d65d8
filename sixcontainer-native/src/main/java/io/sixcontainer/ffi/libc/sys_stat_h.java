// Generated in jextract's layout from <sys/stat.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/stat.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_stat_h extends libc_h$shared {

    private sys_stat_h() {
    }

    private static final int S_IFMT = 61440;

    /** {@snippet lang=c : #define S_IFMT 61440} */
    public static int S_IFMT() {
        return S_IFMT;
    }

    private static final int S_IFDIR = 16384;

    /** {@snippet lang=c : #define S_IFDIR 16384} */
    public static int S_IFDIR() {
        return S_IFDIR;
    }

    private static final int S_IFCHR = 8192;

    /** {@snippet lang=c : #define S_IFCHR 8192} */
    public static int S_IFCHR() {
        return S_IFCHR;
    }

    private static final int S_IFREG = 32768;

    /** {@snippet lang=c : #define S_IFREG 32768} */
    public static int S_IFREG() {
        return S_IFREG;
    }

    private static final int S_IFLNK = 40960;

    /** {@snippet lang=c : #define S_IFLNK 40960} */
    public static int S_IFLNK() {
        return S_IFLNK;
    }

    private static final int S_IFBLK = 24576;

    /** {@snippet lang=c : #define S_IFBLK 24576} */
    public static int S_IFBLK() {
        return S_IFBLK;
    }

    private static final int S_IFIFO = 4096;

    /** {@snippet lang=c : #define S_IFIFO 4096} */
    public static int S_IFIFO() {
        return S_IFIFO;
    }

    private static final class mknod {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_LONG);
        static final MemorySegment ADDR = findOrThrow("mknod");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code mknod}. */
    public static FunctionDescriptor mknod$descriptor() {
        return mknod.DESC;
    }

    /** Downcall method handle for {@code mknod}. */
    public static MethodHandle mknod$handle() {
        return mknod.HANDLE;
    }

    /** Address of {@code mknod}. */
    public static MemorySegment mknod$address() {
        return mknod.ADDR;
    }

    /**
     * {@snippet lang=c : int mknod(const char *path, mode_t mode, dev_t dev) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int mknod(MemorySegment errnoState, MemorySegment path, int mode, long dev) {
        try {
            return (int) mknod.HANDLE.invokeExact(errnoState, path, mode, dev);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
