// Generated in jextract's layout from <sys/stat.h> (sixcontainer-native/jextract/README.md); errno capture added by hand.
package io.sixcontainer.ffi.libc;

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

}
