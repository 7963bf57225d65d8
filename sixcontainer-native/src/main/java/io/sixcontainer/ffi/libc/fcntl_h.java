// Generated in jextract's layout from <fcntl.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <fcntl.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class fcntl_h extends libc_h$shared {

    private fcntl_h() {
    }

    private static final int F_DUPFD_CLOEXEC = 1030;

    /** {@snippet lang=c : #define F_DUPFD_CLOEXEC 1030} */
    public static int F_DUPFD_CLOEXEC() {
        return F_DUPFD_CLOEXEC;
    }

    private static final int F_ADD_SEALS = 1033;

    /** {@snippet lang=c : #define F_ADD_SEALS 1033} */
    public static int F_ADD_SEALS() {
        return F_ADD_SEALS;
    }

    private static final int F_GET_SEALS = 1034;

    /** {@snippet lang=c : #define F_GET_SEALS 1034} */
    public static int F_GET_SEALS() {
        return F_GET_SEALS;
    }

    private static final int F_SEAL_SEAL = 1;

    /** {@snippet lang=c : #define F_SEAL_SEAL 1} */
    public static int F_SEAL_SEAL() {
        return F_SEAL_SEAL;
    }

    private static final int F_SEAL_SHRINK = 2;

    /** {@snippet lang=c : #define F_SEAL_SHRINK 2} */
    public static int F_SEAL_SHRINK() {
        return F_SEAL_SHRINK;
    }

    private static final int F_SEAL_GROW = 4;

    /** {@snippet lang=c : #define F_SEAL_GROW 4} */
    public static int F_SEAL_GROW() {
        return F_SEAL_GROW;
    }

    private static final int F_SEAL_WRITE = 8;

    /** {@snippet lang=c : #define F_SEAL_WRITE 8} */
    public static int F_SEAL_WRITE() {
        return F_SEAL_WRITE;
    }

    private static final int O_RDONLY = 0;

    /** {@snippet lang=c : #define O_RDONLY 0} */
    public static int O_RDONLY() {
        return O_RDONLY;
    }

    private static final int O_WRONLY = 1;

    /** {@snippet lang=c : #define O_WRONLY 1} */
    public static int O_WRONLY() {
        return O_WRONLY;
    }

    private static final int O_RDWR = 2;

    /** {@snippet lang=c : #define O_RDWR 2} */
    public static int O_RDWR() {
        return O_RDWR;
    }

    private static final int O_CREAT = 64;

    /** {@snippet lang=c : #define O_CREAT 0100} */
    public static int O_CREAT() {
        return O_CREAT;
    }

    private static final int O_EXCL = 128;

    /** {@snippet lang=c : #define O_EXCL 0200} */
    public static int O_EXCL() {
        return O_EXCL;
    }

    private static final int O_TRUNC = 512;

    /** {@snippet lang=c : #define O_TRUNC 01000} */
    public static int O_TRUNC() {
        return O_TRUNC;
    }

    private static final int O_APPEND = 1024;

    /** {@snippet lang=c : #define O_APPEND 02000} */
    public static int O_APPEND() {
        return O_APPEND;
    }

    private static final int O_NONBLOCK = 2048;

    /** {@snippet lang=c : #define O_NONBLOCK 04000} */
    public static int O_NONBLOCK() {
        return O_NONBLOCK;
    }

    private static final int O_NOCTTY = 256;

    /** {@snippet lang=c : #define O_NOCTTY 0400} */
    public static int O_NOCTTY() {
        return O_NOCTTY;
    }

    private static final int O_DIRECTORY = 65536;

    /** {@snippet lang=c : #define O_DIRECTORY 0200000} */
    public static int O_DIRECTORY() {
        return O_DIRECTORY;
    }

    private static final int O_NOFOLLOW = 131072;

    /** {@snippet lang=c : #define O_NOFOLLOW 0400000} */
    public static int O_NOFOLLOW() {
        return O_NOFOLLOW;
    }

    private static final int O_PATH = 2097152;

    /** {@snippet lang=c : #define O_PATH 010000000} */
    public static int O_PATH() {
        return O_PATH;
    }

    private static final int O_CLOEXEC = 524288;

    /** {@snippet lang=c : #define O_CLOEXEC 02000000} */
    public static int O_CLOEXEC() {
        return O_CLOEXEC;
    }

    private static final class open {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("open");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code open}. */
    public static FunctionDescriptor open$descriptor() {
        return open.DESC;
    }

    /** Downcall method handle for {@code open}. */
    public static MethodHandle open$handle() {
        return open.HANDLE;
    }

    /** Address of {@code open}. */
    public static MemorySegment open$address() {
        return open.ADDR;
    }

    /**
     * {@snippet lang=c : int open(const char *pathname, int flags, ...) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     * Variadic: the mode argument is passed as the first variadic {@code int}.
     */
    public static int open(MemorySegment errnoState, MemorySegment pathname, int flags, int mode) {
        try {
            return (int) open.HANDLE.invokeExact(errnoState, pathname, flags, mode);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class fcntl {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("fcntl");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code fcntl}. */
    public static FunctionDescriptor fcntl$descriptor() {
        return fcntl.DESC;
    }

    /** Downcall method handle for {@code fcntl}. */
    public static MethodHandle fcntl$handle() {
        return fcntl.HANDLE;
    }

    /** Address of {@code fcntl}. */
    public static MemorySegment fcntl$address() {
        return fcntl.ADDR;
    }

    /**
     * {@snippet lang=c : int fcntl(int fd, int cmd, ...) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     * Variadic: the mode argument is passed as the first variadic {@code int}.
     */
    public static int fcntl(MemorySegment errnoState, int fd, int cmd, int arg) {
        try {
            return (int) fcntl.HANDLE.invokeExact(errnoState, fd, cmd, arg);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }


    private static final class openat {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("openat");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, Linker.Option.firstVariadicArg(3), CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code openat}. */
    public static FunctionDescriptor openat$descriptor() {
        return openat.DESC;
    }

    /** Downcall method handle for {@code openat}. */
    public static MethodHandle openat$handle() {
        return openat.HANDLE;
    }

    /** Address of {@code openat}. */
    public static MemorySegment openat$address() {
        return openat.ADDR;
    }

    /**
     * {@snippet lang=c : int openat(int dirfd, const char *pathname, int flags, ...) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     * Variadic: the mode argument is passed as the first variadic {@code int}.
     */
    public static int openat(MemorySegment errnoState, int dirfd, MemorySegment pathname, int flags, int mode) {
        try {
            return (int) openat.HANDLE.invokeExact(errnoState, dirfd, pathname, flags, mode);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
