// Generated in jextract's layout from <sched.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sched.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sched_h extends libc_h$shared {

    private sched_h() {
    }

    private static final int CLONE_NEWNS = 131072;

    /** {@snippet lang=c : #define CLONE_NEWNS 131072} */
    public static int CLONE_NEWNS() {
        return CLONE_NEWNS;
    }

    private static final int CLONE_NEWCGROUP = 33554432;

    /** {@snippet lang=c : #define CLONE_NEWCGROUP 33554432} */
    public static int CLONE_NEWCGROUP() {
        return CLONE_NEWCGROUP;
    }

    private static final int CLONE_NEWUTS = 67108864;

    /** {@snippet lang=c : #define CLONE_NEWUTS 67108864} */
    public static int CLONE_NEWUTS() {
        return CLONE_NEWUTS;
    }

    private static final int CLONE_NEWIPC = 134217728;

    /** {@snippet lang=c : #define CLONE_NEWIPC 134217728} */
    public static int CLONE_NEWIPC() {
        return CLONE_NEWIPC;
    }

    private static final int CLONE_NEWUSER = 268435456;

    /** {@snippet lang=c : #define CLONE_NEWUSER 268435456} */
    public static int CLONE_NEWUSER() {
        return CLONE_NEWUSER;
    }

    private static final int CLONE_NEWPID = 536870912;

    /** {@snippet lang=c : #define CLONE_NEWPID 536870912} */
    public static int CLONE_NEWPID() {
        return CLONE_NEWPID;
    }

    private static final int CLONE_NEWNET = 1073741824;

    /** {@snippet lang=c : #define CLONE_NEWNET 1073741824} */
    public static int CLONE_NEWNET() {
        return CLONE_NEWNET;
    }

    private static final class setns {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MemorySegment ADDR = findOrThrow("setns");
        static final MethodHandle HANDLE = LINKER.downcallHandle(ADDR, DESC, CAPTURE_ERRNO);
    }

    /** Function descriptor for {@code setns}. */
    public static FunctionDescriptor setns$descriptor() {
        return setns.DESC;
    }

    /** Downcall method handle for {@code setns}. */
    public static MethodHandle setns$handle() {
        return setns.HANDLE;
    }

    /** Address of {@code setns}. */
    public static MemorySegment setns$address() {
        return setns.ADDR;
    }

    /**
     * {@snippet lang=c : int setns(int fd, int nstype) }
     * errno is captured into {@code errnoState} (see {@link #ERRNO_STATE_LAYOUT}).
     */
    public static int setns(MemorySegment errnoState, int fd, int nstype) {
        try {
            return (int) setns.HANDLE.invokeExact(errnoState, fd, nstype);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
