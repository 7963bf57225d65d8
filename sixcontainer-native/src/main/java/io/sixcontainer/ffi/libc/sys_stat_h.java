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

    private static final int AT_FDCWD = -100;

    /** {@snippet lang=c : #define AT_FDCWD -100} */
    public static int AT_FDCWD() {
        return AT_FDCWD;
    }

    private static final int AT_SYMLINK_NOFOLLOW = 256;

    /** {@snippet lang=c : #define AT_SYMLINK_NOFOLLOW 256} */
    public static int AT_SYMLINK_NOFOLLOW() {
        return AT_SYMLINK_NOFOLLOW;
    }

    private static final int UTIME_OMIT = 1073741822;

    /** {@snippet lang=c : #define UTIME_OMIT 1073741822} */
    public static int UTIME_OMIT() {
        return UTIME_OMIT;
    }

    private static final class chmod {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("chmod");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code chmod}. */
    public static FunctionDescriptor chmod$descriptor() {
        return chmod.DESC;
    }

    /** Downcall method handle for {@code chmod}. */
    public static MethodHandle chmod$handle() {
        return chmod.HANDLE;
    }

    /** Address of {@code chmod}. */
    public static MemorySegment chmod$address() {
        return chmod.ADDR;
    }

    /**
     * {@snippet lang=c : int chmod(const char *path, mode_t mode) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int chmod(MemorySegment errnoState, MemorySegment path, int mode) {
        try {
            return (int) chmod.HANDLE.invokeExact(errnoState, path, mode);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class utimensat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("utimensat");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code utimensat}. */
    public static FunctionDescriptor utimensat$descriptor() {
        return utimensat.DESC;
    }

    /** Downcall method handle for {@code utimensat}. */
    public static MethodHandle utimensat$handle() {
        return utimensat.HANDLE;
    }

    /** Address of {@code utimensat}. */
    public static MemorySegment utimensat$address() {
        return utimensat.ADDR;
    }

    /**
     * {@snippet lang=c : int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int utimensat(MemorySegment errnoState, int dirfd, MemorySegment path, MemorySegment times, int flags) {
        try {
            return (int) utimensat.HANDLE.invokeExact(errnoState, dirfd, path, times, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
