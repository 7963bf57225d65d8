// Generated in jextract's layout from <linux/bpf.h> (sixcontainer-native/jextract/README.md).
package io.sixcontainer.ffi.libc;

/** Bindings for {@code <linux/bpf.h>}: the commands, types and flags sixcontainer uses. */
@SuppressWarnings({"unused", "checkstyle:TypeName"})
public final class linux_bpf_h extends libc_h$shared {

    private linux_bpf_h() {
    }

    /** {@snippet lang=c : enum bpf_cmd BPF_PROG_LOAD = 5} */
    public static int BPF_PROG_LOAD() {
        return 5;
    }

    /** {@snippet lang=c : enum bpf_cmd BPF_PROG_ATTACH = 8} */
    public static int BPF_PROG_ATTACH() {
        return 8;
    }

    /** {@snippet lang=c : enum bpf_cmd BPF_PROG_DETACH = 9} */
    public static int BPF_PROG_DETACH() {
        return 9;
    }

    /** {@snippet lang=c : enum bpf_cmd BPF_PROG_GET_FD_BY_ID = 13} */
    public static int BPF_PROG_GET_FD_BY_ID() {
        return 13;
    }

    /** {@snippet lang=c : enum bpf_cmd BPF_PROG_QUERY = 16} */
    public static int BPF_PROG_QUERY() {
        return 16;
    }

    /** {@snippet lang=c : enum bpf_prog_type BPF_PROG_TYPE_CGROUP_DEVICE = 15} */
    public static int BPF_PROG_TYPE_CGROUP_DEVICE() {
        return 15;
    }

    /** {@snippet lang=c : enum bpf_attach_type BPF_CGROUP_DEVICE = 6} */
    public static int BPF_CGROUP_DEVICE() {
        return 6;
    }

    /** {@snippet lang=c : #define BPF_F_ALLOW_MULTI (1U << 1)} */
    public static int BPF_F_ALLOW_MULTI() {
        return 2;
    }

    /** {@snippet lang=c : #define BPF_OBJ_NAME_LEN 16U} */
    public static int BPF_OBJ_NAME_LEN() {
        return 16;
    }

    /** {@snippet lang=c : BPF_DEVCG_ACC_MKNOD = (1ULL << 0)} */
    public static int BPF_DEVCG_ACC_MKNOD() {
        return 1;
    }

    /** {@snippet lang=c : BPF_DEVCG_ACC_READ = (1ULL << 1)} */
    public static int BPF_DEVCG_ACC_READ() {
        return 2;
    }

    /** {@snippet lang=c : BPF_DEVCG_ACC_WRITE = (1ULL << 2)} */
    public static int BPF_DEVCG_ACC_WRITE() {
        return 4;
    }

    /** {@snippet lang=c : BPF_DEVCG_DEV_BLOCK = (1ULL << 0)} */
    public static int BPF_DEVCG_DEV_BLOCK() {
        return 1;
    }

    /** {@snippet lang=c : BPF_DEVCG_DEV_CHAR = (1ULL << 1)} */
    public static int BPF_DEVCG_DEV_CHAR() {
        return 2;
    }
}
