// Generated in jextract's layout from <linux/veth.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <linux/veth.h>}: the veth link data attribute. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_veth_h extends libc_h$shared {

    private linux_veth_h() {
    }

    /** {@snippet lang=c : enum { ..., VETH_INFO_PEER = 1, ... } } */
    public static int VETH_INFO_PEER() {
        return 1;
    }

}
