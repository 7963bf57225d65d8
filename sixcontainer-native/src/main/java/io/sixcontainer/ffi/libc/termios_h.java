// Generated in jextract's layout from <termios.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <termios.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class termios_h extends libc_h$shared {

    private termios_h() {
    }

    private static final int TCSANOW = 0;

    /** {@snippet lang=c : #define TCSANOW 0} */
    public static int TCSANOW() {
        return TCSANOW;
    }

    private static final int TCSAFLUSH = 2;

    /** {@snippet lang=c : #define TCSAFLUSH 2} */
    public static int TCSAFLUSH() {
        return TCSAFLUSH;
    }

    private static final int ICANON = 2;

    /** {@snippet lang=c : #define ICANON 0000002} */
    public static int ICANON() {
        return ICANON;
    }

    private static final int ECHO = 8;

    /** {@snippet lang=c : #define ECHO 0000010} */
    public static int ECHO() {
        return ECHO;
    }

    private static final class tcgetattr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("tcgetattr");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code tcgetattr}. */
    public static FunctionDescriptor tcgetattr$descriptor() {
        return tcgetattr.DESC;
    }

    /** Downcall method handle for {@code tcgetattr}. */
    public static MethodHandle tcgetattr$handle() {
        return tcgetattr.HANDLE;
    }

    /** Address of {@code tcgetattr}. */
    public static MemorySegment tcgetattr$address() {
        return tcgetattr.ADDR;
    }

    /**
     * {@snippet lang=c : int tcgetattr(int fd, struct termios *termios_p) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int tcgetattr(MemorySegment errnoState, int fd, MemorySegment termios_p) {
        try {
            return (int) tcgetattr.HANDLE.invokeExact(errnoState, fd, termios_p);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class tcsetattr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("tcsetattr");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code tcsetattr}. */
    public static FunctionDescriptor tcsetattr$descriptor() {
        return tcsetattr.DESC;
    }

    /** Downcall method handle for {@code tcsetattr}. */
    public static MethodHandle tcsetattr$handle() {
        return tcsetattr.HANDLE;
    }

    /** Address of {@code tcsetattr}. */
    public static MemorySegment tcsetattr$address() {
        return tcsetattr.ADDR;
    }

    /**
     * {@snippet lang=c : int tcsetattr(int fd, int optional_actions, const struct termios *termios_p) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int tcsetattr(MemorySegment errnoState, int fd, int optional_actions, MemorySegment termios_p) {
        try {
            return (int) tcsetattr.HANDLE.invokeExact(errnoState, fd, optional_actions, termios_p);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cfmakeraw {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cfmakeraw");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code cfmakeraw}. */
    public static FunctionDescriptor cfmakeraw$descriptor() {
        return cfmakeraw.DESC;
    }

    /** Downcall method handle for {@code cfmakeraw}. */
    public static MethodHandle cfmakeraw$handle() {
        return cfmakeraw.HANDLE;
    }

    /** Address of {@code cfmakeraw}. */
    public static MemorySegment cfmakeraw$address() {
        return cfmakeraw.ADDR;
    }

    /**
     * {@snippet lang=c : void cfmakeraw(struct termios *termios_p) }
     */
    public static void cfmakeraw(MemorySegment termios_p) {
        try {
            cfmakeraw.HANDLE.invokeExact(termios_p);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
