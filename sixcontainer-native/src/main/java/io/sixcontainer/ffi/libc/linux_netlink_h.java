// Generated in jextract's layout from <linux/netlink.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <linux/netlink.h>}: the netlink protocol, flags and message types sixcontainer uses. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_netlink_h extends libc_h$shared {

    private linux_netlink_h() {
    }

    private static final int NETLINK_ROUTE = 0;

    /** {@snippet lang=c : #define NETLINK_ROUTE 0} */
    public static int NETLINK_ROUTE() {
        return NETLINK_ROUTE;
    }

    private static final int NLM_F_REQUEST = 1;

    /** {@snippet lang=c : #define NLM_F_REQUEST 1} */
    public static int NLM_F_REQUEST() {
        return NLM_F_REQUEST;
    }

    private static final int NLM_F_MULTI = 2;

    /** {@snippet lang=c : #define NLM_F_MULTI 2} */
    public static int NLM_F_MULTI() {
        return NLM_F_MULTI;
    }

    private static final int NLM_F_ACK = 4;

    /** {@snippet lang=c : #define NLM_F_ACK 4} */
    public static int NLM_F_ACK() {
        return NLM_F_ACK;
    }

    private static final int NLM_F_DUMP_INTR = 16;

    /** {@snippet lang=c : #define NLM_F_DUMP_INTR 16} */
    public static int NLM_F_DUMP_INTR() {
        return NLM_F_DUMP_INTR;
    }

    private static final int NLM_F_ROOT = 256;

    /** {@snippet lang=c : #define NLM_F_ROOT 256} */
    public static int NLM_F_ROOT() {
        return NLM_F_ROOT;
    }

    private static final int NLM_F_MATCH = 512;

    /** {@snippet lang=c : #define NLM_F_MATCH 512} */
    public static int NLM_F_MATCH() {
        return NLM_F_MATCH;
    }

    private static final int NLM_F_DUMP = 768;

    /** {@snippet lang=c : #define NLM_F_DUMP 768} */
    public static int NLM_F_DUMP() {
        return NLM_F_DUMP;
    }

    private static final int NLM_F_EXCL = 512;

    /** {@snippet lang=c : #define NLM_F_EXCL 512} */
    public static int NLM_F_EXCL() {
        return NLM_F_EXCL;
    }

    private static final int NLM_F_CREATE = 1024;

    /** {@snippet lang=c : #define NLM_F_CREATE 1024} */
    public static int NLM_F_CREATE() {
        return NLM_F_CREATE;
    }

    private static final int NLM_F_CAPPED = 256;

    /** {@snippet lang=c : #define NLM_F_CAPPED 256} */
    public static int NLM_F_CAPPED() {
        return NLM_F_CAPPED;
    }

    private static final int NLM_F_ACK_TLVS = 512;

    /** {@snippet lang=c : #define NLM_F_ACK_TLVS 512} */
    public static int NLM_F_ACK_TLVS() {
        return NLM_F_ACK_TLVS;
    }

    private static final int NLMSG_ERROR = 2;

    /** {@snippet lang=c : #define NLMSG_ERROR 2} */
    public static int NLMSG_ERROR() {
        return NLMSG_ERROR;
    }

    private static final int NLMSG_DONE = 3;

    /** {@snippet lang=c : #define NLMSG_DONE 3} */
    public static int NLMSG_DONE() {
        return NLMSG_DONE;
    }

    private static final int NLMSG_ALIGNTO = 4;

    /** {@snippet lang=c : #define NLMSG_ALIGNTO 4} */
    public static int NLMSG_ALIGNTO() {
        return NLMSG_ALIGNTO;
    }

    private static final int NETLINK_CAP_ACK = 10;

    /** {@snippet lang=c : #define NETLINK_CAP_ACK 10} */
    public static int NETLINK_CAP_ACK() {
        return NETLINK_CAP_ACK;
    }

    private static final int NETLINK_EXT_ACK = 11;

    /** {@snippet lang=c : #define NETLINK_EXT_ACK 11} */
    public static int NETLINK_EXT_ACK() {
        return NETLINK_EXT_ACK;
    }

    private static final int NLA_F_NESTED = 32768;

    /** {@snippet lang=c : #define NLA_F_NESTED 32768} */
    public static int NLA_F_NESTED() {
        return NLA_F_NESTED;
    }

    /** {@snippet lang=c : enum nlmsgerr_attrs NLMSGERR_ATTR_MSG = 1} */
    public static int NLMSGERR_ATTR_MSG() {
        return 1;
    }

    private static final int NETLINK_NETFILTER = 12;

    /** {@snippet lang=c : #define NETLINK_NETFILTER 12} */
    public static int NETLINK_NETFILTER() {
        return NETLINK_NETFILTER;
    }

    private static final int NLM_F_ECHO = 8;

    /** {@snippet lang=c : #define NLM_F_ECHO 0x08} */
    public static int NLM_F_ECHO() {
        return NLM_F_ECHO;
    }

    private static final int NLM_F_APPEND = 2048;

    /** {@snippet lang=c : #define NLM_F_APPEND 0x800} */
    public static int NLM_F_APPEND() {
        return NLM_F_APPEND;
    }
}
