// Generated in jextract's layout from <linux/if_addr.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <linux/if_addr.h>}: the address attributes sixcontainer uses. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_if_addr_h extends libc_h$shared {

    private linux_if_addr_h() {
    }

    /** {@snippet lang=c : enum { ..., IFA_ADDRESS = 1, ... } } */
    public static int IFA_ADDRESS() {
        return 1;
    }

    /** {@snippet lang=c : enum { ..., IFA_LOCAL = 2, ... } } */
    public static int IFA_LOCAL() {
        return 2;
    }

    private static final int IFA_F_PERMANENT = 128;

    /** {@snippet lang=c : #define IFA_F_PERMANENT 128} */
    public static int IFA_F_PERMANENT() {
        return IFA_F_PERMANENT;
    }

}
