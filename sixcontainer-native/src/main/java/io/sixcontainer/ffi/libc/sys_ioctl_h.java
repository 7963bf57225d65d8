// Generated in jextract's layout from <sys/ioctl.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/ioctl.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_ioctl_h extends libc_h$shared {

    private sys_ioctl_h() {
    }

    private static final int TIOCSCTTY = 21518;

    /** {@snippet lang=c : #define TIOCSCTTY 0x540E} */
    public static int TIOCSCTTY() {
        return TIOCSCTTY;
    }

    private static final int TIOCGWINSZ = 21523;

    /** {@snippet lang=c : #define TIOCGWINSZ 0x5413} */
    public static int TIOCGWINSZ() {
        return TIOCGWINSZ;
    }

    private static final int TIOCSWINSZ = 21524;

    /** {@snippet lang=c : #define TIOCSWINSZ 0x5414} */
    public static int TIOCSWINSZ() {
        return TIOCSWINSZ;
    }

    private static final int TIOCGPTPEER = 21569;

    /** {@snippet lang=c : #define TIOCGPTPEER _IO('T', 0x41)} */
    public static int TIOCGPTPEER() {
        return TIOCGPTPEER;
    }

    private static final class ioctl {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER);
        static final MemorySegment ADDR = findOrThrow("ioctl");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code ioctl}. */
    public static FunctionDescriptor ioctl$descriptor() {
        return ioctl.DESC;
    }

    /** Downcall method handle for {@code ioctl}. */
    public static MethodHandle ioctl$handle() {
        return ioctl.HANDLE;
    }

    /** Address of {@code ioctl}. */
    public static MemorySegment ioctl$address() {
        return ioctl.ADDR;
    }

    /**
     * {@snippet lang=c : int ioctl(int fd, unsigned long request, ...) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     * Variadic: the third argument is passed as the first variadic pointer.
     */
    public static int ioctl(MemorySegment errnoState, int fd, long request, MemorySegment arg) {
        try {
            return (int) ioctl.HANDLE.invokeExact(errnoState, fd, request, arg);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
