// Generated in jextract's layout from <spawn.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <spawn.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class spawn_h extends libc_h$shared {

    private spawn_h() {
    }

    private static final int POSIX_SPAWN_RESETIDS = 1;

    /** {@snippet lang=c : #define POSIX_SPAWN_RESETIDS 1} */
    public static int POSIX_SPAWN_RESETIDS() {
        return POSIX_SPAWN_RESETIDS;
    }

    private static final int POSIX_SPAWN_SETPGROUP = 2;

    /** {@snippet lang=c : #define POSIX_SPAWN_SETPGROUP 2} */
    public static int POSIX_SPAWN_SETPGROUP() {
        return POSIX_SPAWN_SETPGROUP;
    }

    private static final int POSIX_SPAWN_SETSIGDEF = 4;

    /** {@snippet lang=c : #define POSIX_SPAWN_SETSIGDEF 4} */
    public static int POSIX_SPAWN_SETSIGDEF() {
        return POSIX_SPAWN_SETSIGDEF;
    }

    private static final int POSIX_SPAWN_SETSIGMASK = 8;

    /** {@snippet lang=c : #define POSIX_SPAWN_SETSIGMASK 8} */
    public static int POSIX_SPAWN_SETSIGMASK() {
        return POSIX_SPAWN_SETSIGMASK;
    }

    private static final int POSIX_SPAWN_SETSID = 128;

    /** {@snippet lang=c : #define POSIX_SPAWN_SETSID 128} */
    public static int POSIX_SPAWN_SETSID() {
        return POSIX_SPAWN_SETSID;
    }

    private static final class posix_spawn {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawn");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawn}. */
    public static FunctionDescriptor posix_spawn$descriptor() {
        return posix_spawn.DESC;
    }

    /** Downcall method handle for {@code posix_spawn}. */
    public static MethodHandle posix_spawn$handle() {
        return posix_spawn.HANDLE;
    }

    /** Address of {@code posix_spawn}. */
    public static MemorySegment posix_spawn$address() {
        return posix_spawn.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *file_actions, const posix_spawnattr_t *attrp, char *const argv[], char *const envp[]) }
     */
    public static int posix_spawn(MemorySegment pid, MemorySegment path, MemorySegment file_actions, MemorySegment attrp, MemorySegment argv, MemorySegment envp) {
        try {
            return (int) posix_spawn.HANDLE.invokeExact(pid, path, file_actions, attrp, argv, envp);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawn_file_actions_init {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawn_file_actions_init");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawn_file_actions_init}. */
    public static FunctionDescriptor posix_spawn_file_actions_init$descriptor() {
        return posix_spawn_file_actions_init.DESC;
    }

    /** Downcall method handle for {@code posix_spawn_file_actions_init}. */
    public static MethodHandle posix_spawn_file_actions_init$handle() {
        return posix_spawn_file_actions_init.HANDLE;
    }

    /** Address of {@code posix_spawn_file_actions_init}. */
    public static MemorySegment posix_spawn_file_actions_init$address() {
        return posix_spawn_file_actions_init.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawn_file_actions_init(posix_spawn_file_actions_t *file_actions) }
     */
    public static int posix_spawn_file_actions_init(MemorySegment file_actions) {
        try {
            return (int) posix_spawn_file_actions_init.HANDLE.invokeExact(file_actions);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawn_file_actions_destroy {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawn_file_actions_destroy");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawn_file_actions_destroy}. */
    public static FunctionDescriptor posix_spawn_file_actions_destroy$descriptor() {
        return posix_spawn_file_actions_destroy.DESC;
    }

    /** Downcall method handle for {@code posix_spawn_file_actions_destroy}. */
    public static MethodHandle posix_spawn_file_actions_destroy$handle() {
        return posix_spawn_file_actions_destroy.HANDLE;
    }

    /** Address of {@code posix_spawn_file_actions_destroy}. */
    public static MemorySegment posix_spawn_file_actions_destroy$address() {
        return posix_spawn_file_actions_destroy.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *file_actions) }
     */
    public static int posix_spawn_file_actions_destroy(MemorySegment file_actions) {
        try {
            return (int) posix_spawn_file_actions_destroy.HANDLE.invokeExact(file_actions);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawn_file_actions_adddup2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("posix_spawn_file_actions_adddup2");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawn_file_actions_adddup2}. */
    public static FunctionDescriptor posix_spawn_file_actions_adddup2$descriptor() {
        return posix_spawn_file_actions_adddup2.DESC;
    }

    /** Downcall method handle for {@code posix_spawn_file_actions_adddup2}. */
    public static MethodHandle posix_spawn_file_actions_adddup2$handle() {
        return posix_spawn_file_actions_adddup2.HANDLE;
    }

    /** Address of {@code posix_spawn_file_actions_adddup2}. */
    public static MemorySegment posix_spawn_file_actions_adddup2$address() {
        return posix_spawn_file_actions_adddup2.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *file_actions, int fildes, int newfildes) }
     */
    public static int posix_spawn_file_actions_adddup2(MemorySegment file_actions, int fildes, int newfildes) {
        try {
            return (int) posix_spawn_file_actions_adddup2.HANDLE.invokeExact(file_actions, fildes, newfildes);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawnattr_init {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawnattr_init");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawnattr_init}. */
    public static FunctionDescriptor posix_spawnattr_init$descriptor() {
        return posix_spawnattr_init.DESC;
    }

    /** Downcall method handle for {@code posix_spawnattr_init}. */
    public static MethodHandle posix_spawnattr_init$handle() {
        return posix_spawnattr_init.HANDLE;
    }

    /** Address of {@code posix_spawnattr_init}. */
    public static MemorySegment posix_spawnattr_init$address() {
        return posix_spawnattr_init.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawnattr_init(posix_spawnattr_t *attr) }
     */
    public static int posix_spawnattr_init(MemorySegment attr) {
        try {
            return (int) posix_spawnattr_init.HANDLE.invokeExact(attr);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawnattr_destroy {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawnattr_destroy");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawnattr_destroy}. */
    public static FunctionDescriptor posix_spawnattr_destroy$descriptor() {
        return posix_spawnattr_destroy.DESC;
    }

    /** Downcall method handle for {@code posix_spawnattr_destroy}. */
    public static MethodHandle posix_spawnattr_destroy$handle() {
        return posix_spawnattr_destroy.HANDLE;
    }

    /** Address of {@code posix_spawnattr_destroy}. */
    public static MemorySegment posix_spawnattr_destroy$address() {
        return posix_spawnattr_destroy.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawnattr_destroy(posix_spawnattr_t *attr) }
     */
    public static int posix_spawnattr_destroy(MemorySegment attr) {
        try {
            return (int) posix_spawnattr_destroy.HANDLE.invokeExact(attr);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawnattr_setflags {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_SHORT);
        static final MemorySegment ADDR = findOrThrow("posix_spawnattr_setflags");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawnattr_setflags}. */
    public static FunctionDescriptor posix_spawnattr_setflags$descriptor() {
        return posix_spawnattr_setflags.DESC;
    }

    /** Downcall method handle for {@code posix_spawnattr_setflags}. */
    public static MethodHandle posix_spawnattr_setflags$handle() {
        return posix_spawnattr_setflags.HANDLE;
    }

    /** Address of {@code posix_spawnattr_setflags}. */
    public static MemorySegment posix_spawnattr_setflags$address() {
        return posix_spawnattr_setflags.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags) }
     */
    public static int posix_spawnattr_setflags(MemorySegment attr, short flags) {
        try {
            return (int) posix_spawnattr_setflags.HANDLE.invokeExact(attr, flags);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawnattr_setsigmask {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawnattr_setsigmask");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawnattr_setsigmask}. */
    public static FunctionDescriptor posix_spawnattr_setsigmask$descriptor() {
        return posix_spawnattr_setsigmask.DESC;
    }

    /** Downcall method handle for {@code posix_spawnattr_setsigmask}. */
    public static MethodHandle posix_spawnattr_setsigmask$handle() {
        return posix_spawnattr_setsigmask.HANDLE;
    }

    /** Address of {@code posix_spawnattr_setsigmask}. */
    public static MemorySegment posix_spawnattr_setsigmask$address() {
        return posix_spawnattr_setsigmask.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *sigmask) }
     */
    public static int posix_spawnattr_setsigmask(MemorySegment attr, MemorySegment sigmask) {
        try {
            return (int) posix_spawnattr_setsigmask.HANDLE.invokeExact(attr, sigmask);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class posix_spawnattr_setsigdefault {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("posix_spawnattr_setsigdefault");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code posix_spawnattr_setsigdefault}. */
    public static FunctionDescriptor posix_spawnattr_setsigdefault$descriptor() {
        return posix_spawnattr_setsigdefault.DESC;
    }

    /** Downcall method handle for {@code posix_spawnattr_setsigdefault}. */
    public static MethodHandle posix_spawnattr_setsigdefault$handle() {
        return posix_spawnattr_setsigdefault.HANDLE;
    }

    /** Address of {@code posix_spawnattr_setsigdefault}. */
    public static MemorySegment posix_spawnattr_setsigdefault$address() {
        return posix_spawnattr_setsigdefault.ADDR;
    }

    /**
     * {@snippet lang=c : int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *sigdefault) }
     */
    public static int posix_spawnattr_setsigdefault(MemorySegment attr, MemorySegment sigdefault) {
        try {
            return (int) posix_spawnattr_setsigdefault.HANDLE.invokeExact(attr, sigdefault);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
