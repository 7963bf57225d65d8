// Generated in jextract's layout from <signal.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <signal.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class signal_h extends libc_h$shared {

    private signal_h() {
    }

    private static final int SIGHUP = 1;

    /** {@snippet lang=c : #define SIGHUP 1} */
    public static int SIGHUP() {
        return SIGHUP;
    }

    private static final int SIGINT = 2;

    /** {@snippet lang=c : #define SIGINT 2} */
    public static int SIGINT() {
        return SIGINT;
    }

    private static final int SIGQUIT = 3;

    /** {@snippet lang=c : #define SIGQUIT 3} */
    public static int SIGQUIT() {
        return SIGQUIT;
    }

    private static final int SIGKILL = 9;

    /** {@snippet lang=c : #define SIGKILL 9} */
    public static int SIGKILL() {
        return SIGKILL;
    }

    private static final int SIGPIPE = 13;

    /** {@snippet lang=c : #define SIGPIPE 13} */
    public static int SIGPIPE() {
        return SIGPIPE;
    }

    private static final int SIGTERM = 15;

    /** {@snippet lang=c : #define SIGTERM 15} */
    public static int SIGTERM() {
        return SIGTERM;
    }

    private static final int SIGCHLD = 17;

    /** {@snippet lang=c : #define SIGCHLD 17} */
    public static int SIGCHLD() {
        return SIGCHLD;
    }

    private static final class kill {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("kill");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code kill}. */
    public static FunctionDescriptor kill$descriptor() {
        return kill.DESC;
    }

    /** Downcall method handle for {@code kill}. */
    public static MethodHandle kill$handle() {
        return kill.HANDLE;
    }

    /** Address of {@code kill}. */
    public static MemorySegment kill$address() {
        return kill.ADDR;
    }

    /**
     * {@snippet lang=c : int kill(pid_t pid, int sig) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int kill(MemorySegment errnoState, int pid, int sig) {
        try {
            return (int) kill.HANDLE.invokeExact(errnoState, pid, sig);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class sigemptyset {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("sigemptyset");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code sigemptyset}. */
    public static FunctionDescriptor sigemptyset$descriptor() {
        return sigemptyset.DESC;
    }

    /** Downcall method handle for {@code sigemptyset}. */
    public static MethodHandle sigemptyset$handle() {
        return sigemptyset.HANDLE;
    }

    /** Address of {@code sigemptyset}. */
    public static MemorySegment sigemptyset$address() {
        return sigemptyset.ADDR;
    }

    /**
     * {@snippet lang=c : int sigemptyset(sigset_t *set) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int sigemptyset(MemorySegment errnoState, MemorySegment set) {
        try {
            return (int) sigemptyset.HANDLE.invokeExact(errnoState, set);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class sigfillset {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("sigfillset");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code sigfillset}. */
    public static FunctionDescriptor sigfillset$descriptor() {
        return sigfillset.DESC;
    }

    /** Downcall method handle for {@code sigfillset}. */
    public static MethodHandle sigfillset$handle() {
        return sigfillset.HANDLE;
    }

    /** Address of {@code sigfillset}. */
    public static MemorySegment sigfillset$address() {
        return sigfillset.ADDR;
    }

    /**
     * {@snippet lang=c : int sigfillset(sigset_t *set) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int sigfillset(MemorySegment errnoState, MemorySegment set) {
        try {
            return (int) sigfillset.HANDLE.invokeExact(errnoState, set);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
