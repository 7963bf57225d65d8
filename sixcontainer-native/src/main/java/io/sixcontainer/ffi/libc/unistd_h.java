// Generated in jextract's layout from <unistd.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <unistd.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class unistd_h extends libc_h$shared {

    private unistd_h() {
    }

    private static final class pipe2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = findOrThrow("pipe2");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code pipe2}. */
    public static FunctionDescriptor pipe2$descriptor() {
        return pipe2.DESC;
    }

    /** Downcall method handle for {@code pipe2}. */
    public static MethodHandle pipe2$handle() {
        return pipe2.HANDLE;
    }

    /** Address of {@code pipe2}. */
    public static MemorySegment pipe2$address() {
        return pipe2.ADDR;
    }

    /**
     * {@snippet lang=c : int pipe2(int pipefd[2], int flags) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int pipe2(MemorySegment errnoState, MemorySegment pipefd, int flags) {
        try {
            return (int) pipe2.HANDLE.invokeExact(errnoState, pipefd, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class read {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG);
        static final MemorySegment ADDR = findOrThrow("read");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code read}. */
    public static FunctionDescriptor read$descriptor() {
        return read.DESC;
    }

    /** Downcall method handle for {@code read}. */
    public static MethodHandle read$handle() {
        return read.HANDLE;
    }

    /** Address of {@code read}. */
    public static MemorySegment read$address() {
        return read.ADDR;
    }

    /**
     * {@snippet lang=c : ssize_t read(int fd, void *buf, size_t count) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static long read(MemorySegment errnoState, int fd, MemorySegment buf, long count) {
        try {
            return (long) read.HANDLE.invokeExact(errnoState, fd, buf, count);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class write {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG);
        static final MemorySegment ADDR = findOrThrow("write");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code write}. */
    public static FunctionDescriptor write$descriptor() {
        return write.DESC;
    }

    /** Downcall method handle for {@code write}. */
    public static MethodHandle write$handle() {
        return write.HANDLE;
    }

    /** Address of {@code write}. */
    public static MemorySegment write$address() {
        return write.ADDR;
    }

    /**
     * {@snippet lang=c : ssize_t write(int fd, const void *buf, size_t count) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static long write(MemorySegment errnoState, int fd, MemorySegment buf, long count) {
        try {
            return (long) write.HANDLE.invokeExact(errnoState, fd, buf, count);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class close {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("close");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code close}. */
    public static FunctionDescriptor close$descriptor() {
        return close.DESC;
    }

    /** Downcall method handle for {@code close}. */
    public static MethodHandle close$handle() {
        return close.HANDLE;
    }

    /** Address of {@code close}. */
    public static MemorySegment close$address() {
        return close.ADDR;
    }

    /**
     * {@snippet lang=c : int close(int fd) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int close(MemorySegment errnoState, int fd) {
        try {
            return (int) close.HANDLE.invokeExact(errnoState, fd);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class geteuid {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        static final MemorySegment ADDR = findOrThrow("geteuid");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code geteuid}. */
    public static FunctionDescriptor geteuid$descriptor() {
        return geteuid.DESC;
    }

    /** Downcall method handle for {@code geteuid}. */
    public static MethodHandle geteuid$handle() {
        return geteuid.HANDLE;
    }

    /** Address of {@code geteuid}. */
    public static MemorySegment geteuid$address() {
        return geteuid.ADDR;
    }

    /**
     * {@snippet lang=c : uid_t geteuid(void) }
     */
    public static int geteuid() {
        try {
            return (int) geteuid.HANDLE.invokeExact();
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class getpid {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        static final MemorySegment ADDR = findOrThrow("getpid");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code getpid}. */
    public static FunctionDescriptor getpid$descriptor() {
        return getpid.DESC;
    }

    /** Downcall method handle for {@code getpid}. */
    public static MethodHandle getpid$handle() {
        return getpid.HANDLE;
    }

    /** Address of {@code getpid}. */
    public static MemorySegment getpid$address() {
        return getpid.ADDR;
    }

    /**
     * {@snippet lang=c : pid_t getpid(void) }
     */
    public static int getpid() {
        try {
            return (int) getpid.HANDLE.invokeExact();
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class isatty {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("isatty");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code isatty}. */
    public static FunctionDescriptor isatty$descriptor() {
        return isatty.DESC;
    }

    /** Downcall method handle for {@code isatty}. */
    public static MethodHandle isatty$handle() {
        return isatty.HANDLE;
    }

    /** Address of {@code isatty}. */
    public static MemorySegment isatty$address() {
        return isatty.ADDR;
    }

    /**
     * {@snippet lang=c : int isatty(int fd) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int isatty(MemorySegment errnoState, int fd) {
        try {
            return (int) isatty.HANDLE.invokeExact(errnoState, fd);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class lchown {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("lchown");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code lchown}. */
    public static FunctionDescriptor lchown$descriptor() {
        return lchown.DESC;
    }

    /** Downcall method handle for {@code lchown}. */
    public static MethodHandle lchown$handle() {
        return lchown.HANDLE;
    }

    /** Address of {@code lchown}. */
    public static MemorySegment lchown$address() {
        return lchown.ADDR;
    }

    /**
     * {@snippet lang=c : int lchown(const char *path, uid_t owner, gid_t group) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int lchown(MemorySegment errnoState, MemorySegment path, int owner, int group) {
        try {
            return (int) lchown.HANDLE.invokeExact(errnoState, path, owner, group);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
