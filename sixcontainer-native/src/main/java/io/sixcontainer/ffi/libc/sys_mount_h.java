// Generated in jextract's layout from <sys/mount.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <sys/mount.h>}. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class sys_mount_h extends libc_h$shared {

    private sys_mount_h() {
    }

    private static final int MS_RDONLY = 1;

    /** {@snippet lang=c : #define MS_RDONLY 1} */
    public static int MS_RDONLY() {
        return MS_RDONLY;
    }

    private static final int MS_NOSUID = 2;

    /** {@snippet lang=c : #define MS_NOSUID 2} */
    public static int MS_NOSUID() {
        return MS_NOSUID;
    }

    private static final int MS_NODEV = 4;

    /** {@snippet lang=c : #define MS_NODEV 4} */
    public static int MS_NODEV() {
        return MS_NODEV;
    }

    private static final int MS_NOEXEC = 8;

    /** {@snippet lang=c : #define MS_NOEXEC 8} */
    public static int MS_NOEXEC() {
        return MS_NOEXEC;
    }

    private static final int MS_REMOUNT = 32;

    /** {@snippet lang=c : #define MS_REMOUNT 32} */
    public static int MS_REMOUNT() {
        return MS_REMOUNT;
    }

    private static final int MS_BIND = 4096;

    /** {@snippet lang=c : #define MS_BIND 4096} */
    public static int MS_BIND() {
        return MS_BIND;
    }

    private static final int MS_REC = 16384;

    /** {@snippet lang=c : #define MS_REC 16384} */
    public static int MS_REC() {
        return MS_REC;
    }

    private static final int MS_PRIVATE = 262144;

    /** {@snippet lang=c : #define MS_PRIVATE 262144} */
    public static int MS_PRIVATE() {
        return MS_PRIVATE;
    }

    private static final int MS_SLAVE = 524288;

    /** {@snippet lang=c : #define MS_SLAVE 524288} */
    public static int MS_SLAVE() {
        return MS_SLAVE;
    }

    private static final int MS_RELATIME = 2097152;

    /** {@snippet lang=c : #define MS_RELATIME 2097152} */
    public static int MS_RELATIME() {
        return MS_RELATIME;
    }

    private static final int MS_STRICTATIME = 16777216;

    /** {@snippet lang=c : #define MS_STRICTATIME 16777216} */
    public static int MS_STRICTATIME() {
        return MS_STRICTATIME;
    }

}
