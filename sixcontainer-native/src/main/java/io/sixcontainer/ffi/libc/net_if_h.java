// Generated in jextract's layout from <net/if.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <net/if.h>}: interface flags and the interface name size. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class net_if_h extends libc_h$shared {

    private net_if_h() {
    }

    private static final int IFNAMSIZ = 16;

    /** {@snippet lang=c : #define IFNAMSIZ 16} */
    public static int IFNAMSIZ() {
        return IFNAMSIZ;
    }

    /** {@snippet lang=c : enum { ..., IFF_UP = 1, ... } } */
    public static int IFF_UP() {
        return 1;
    }

}
