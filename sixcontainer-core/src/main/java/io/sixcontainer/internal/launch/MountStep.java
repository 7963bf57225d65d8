package io.sixcontainer.internal.launch;

import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.sys_stat_h;
import io.sixcontainer.internal.launch.Protocol.MountOp;

/**
 * One step of the mount plan the init executes inside the container's mount namespace
 * (docs/protocol.md, tag 6). Targets are paths inside the container's root.
 */
public record MountStep(MountOp op, int mode, long flags, long dev, String source, String target, String fstype,
                        String data) {

    static MountStep mount(String source, String target, String fstype, long flags, String data) {
        return new MountStep(MountOp.MOUNT, 0, flags, 0, source, target, fstype, data);
    }

    static MountStep mkdir(String target, int mode) {
        return new MountStep(MountOp.MKDIR, mode, 0, 0, "", target, "", "");
    }

    static MountStep charDevice(String target, int mode, int major, int minor) {
        return new MountStep(MountOp.MKNOD, sys_stat_h.S_IFCHR() | mode, 0, Libc.makedev(major, minor), "", target, "", "");
    }

    static MountStep symlink(String linkContent, String target) {
        return new MountStep(MountOp.SYMLINK, 0, 0, 0, linkContent, target, "", "");
    }

    /** Covers a procfs or sysfs path with an empty read-only directory or a null device. */
    static MountStep mask(String target) {
        return new MountStep(MountOp.MASK, 0, 0, 0, "", target, "", "");
    }

    /** Makes a procfs or sysfs path read-only. */
    static MountStep readOnly(String target) {
        return new MountStep(MountOp.READONLY, 0, 0, 0, "", target, "", "");
    }
}
