// Generated in jextract's layout from <linux/rtnetlink.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <linux/rtnetlink.h>}: the route netlink messages, tables, protocols and route attributes sixcontainer uses. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_rtnetlink_h extends libc_h$shared {

    private linux_rtnetlink_h() {
    }

    /** {@snippet lang=c : enum { ..., RTM_NEWLINK = 16, ... } } */
    public static int RTM_NEWLINK() {
        return 16;
    }

    /** {@snippet lang=c : enum { ..., RTM_DELLINK = 17, ... } } */
    public static int RTM_DELLINK() {
        return 17;
    }

    /** {@snippet lang=c : enum { ..., RTM_GETLINK = 18, ... } } */
    public static int RTM_GETLINK() {
        return 18;
    }

    /** {@snippet lang=c : enum { ..., RTM_NEWADDR = 20, ... } } */
    public static int RTM_NEWADDR() {
        return 20;
    }

    /** {@snippet lang=c : enum { ..., RTM_GETADDR = 22, ... } } */
    public static int RTM_GETADDR() {
        return 22;
    }

    /** {@snippet lang=c : enum { ..., RTM_NEWROUTE = 24, ... } } */
    public static int RTM_NEWROUTE() {
        return 24;
    }

    /** {@snippet lang=c : enum { ..., RTN_UNICAST = 1, ... } } */
    public static int RTN_UNICAST() {
        return 1;
    }

    private static final int RTPROT_BOOT = 3;

    /** {@snippet lang=c : #define RTPROT_BOOT 3} */
    public static int RTPROT_BOOT() {
        return RTPROT_BOOT;
    }

    private static final int RTPROT_STATIC = 4;

    /** {@snippet lang=c : #define RTPROT_STATIC 4} */
    public static int RTPROT_STATIC() {
        return RTPROT_STATIC;
    }

    /** {@snippet lang=c : enum rt_scope_t RT_SCOPE_UNIVERSE = 0} */
    public static int RT_SCOPE_UNIVERSE() {
        return 0;
    }

    /** {@snippet lang=c : enum rt_class_t RT_TABLE_MAIN = 254} */
    public static int RT_TABLE_MAIN() {
        return 254;
    }

    /** {@snippet lang=c : enum rtattr_type_t RTA_DST = 1} */
    public static int RTA_DST() {
        return 1;
    }

    /** {@snippet lang=c : enum rtattr_type_t RTA_GATEWAY = 5} */
    public static int RTA_GATEWAY() {
        return 5;
    }

    /** {@snippet lang=c : enum rtattr_type_t RTA_TABLE = 15} */
    public static int RTA_TABLE() {
        return 15;
    }

    /** {@snippet lang=c : enum { ..., RTM_SETLINK = 19, ... } } */
    public static int RTM_SETLINK() {
        return 19;
    }
}
