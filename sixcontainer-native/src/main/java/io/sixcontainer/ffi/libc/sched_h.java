// Generated in jextract's layout from <sched.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

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

}
