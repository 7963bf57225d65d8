// Generated in jextract's layout from <linux/if_link.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <linux/if_link.h>}: the link attributes sixcontainer uses. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_if_link_h extends libc_h$shared {

    private linux_if_link_h() {
    }

    /** {@snippet lang=c : enum { ..., IFLA_IFNAME = 3, ... } } */
    public static int IFLA_IFNAME() {
        return 3;
    }

    /** {@snippet lang=c : enum { ..., IFLA_MTU = 4, ... } } */
    public static int IFLA_MTU() {
        return 4;
    }

    /** {@snippet lang=c : enum { ..., IFLA_MASTER = 10, ... } } */
    public static int IFLA_MASTER() {
        return 10;
    }

    /** {@snippet lang=c : enum { ..., IFLA_LINKINFO = 18, ... } } */
    public static int IFLA_LINKINFO() {
        return 18;
    }

    /** {@snippet lang=c : enum { ..., IFLA_NET_NS_FD = 28, ... } } */
    public static int IFLA_NET_NS_FD() {
        return 28;
    }

    /** {@snippet lang=c : enum { ..., IFLA_INFO_KIND = 1, ... } } */
    public static int IFLA_INFO_KIND() {
        return 1;
    }

    /** {@snippet lang=c : enum { ..., IFLA_INFO_DATA = 2, ... } } */
    public static int IFLA_INFO_DATA() {
        return 2;
    }

    /** {@snippet lang=c : enum { ..., IFLA_PROTINFO = 12, ... } } */
    public static int IFLA_PROTINFO() {
        return 12;
    }

    /** {@snippet lang=c : enum { ..., IFLA_BRPORT_MODE = 4, ... } } */
    public static int IFLA_BRPORT_MODE() {
        return 4;
    }
}
