package io.sixcontainer.internal.launch;

import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.sys_stat_h;

/**
 * One step of the mount plan the init executes inside the container's mount namespace
 * (docs/protocol.md, tag 6). Targets are paths inside the container's root.
 */
public record MountStep(Op op, int mode, long flags, long dev, String source, String target, String fstype, String data) {

    /** The operations the C side knows; the code is the wire value. */
    public enum Op {
        MOUNT(1), MKDIR(2), MKNOD(3), SYMLINK(4), MASK(10), READONLY(11);

        /** The wire value. */
        public final int code;

        Op(int code) {
            this.code = code;
        }
    }

    static MountStep mount(String source, String target, String fstype, long flags, String data) {
        return new MountStep(Op.MOUNT, 0, flags, 0, source, target, fstype, data);
    }

    static MountStep mkdir(String target, int mode) {
        return new MountStep(Op.MKDIR, mode, 0, 0, "", target, "", "");
    }

    static MountStep charDevice(String target, int mode, int major, int minor) {
        return new MountStep(Op.MKNOD, sys_stat_h.S_IFCHR() | mode, 0, Libc.makedev(major, minor), "", target, "", "");
    }

    static MountStep symlink(String linkContent, String target) {
        return new MountStep(Op.SYMLINK, 0, 0, 0, linkContent, target, "", "");
    }

    /** Covers a procfs or sysfs path with an empty read-only directory or a null device. */
    static MountStep mask(String target) {
        return new MountStep(Op.MASK, 0, 0, 0, "", target, "", "");
    }

    /** Makes a procfs or sysfs path read-only. */
    static MountStep readOnly(String target) {
        return new MountStep(Op.READONLY, 0, 0, 0, "", target, "", "");
    }
}
