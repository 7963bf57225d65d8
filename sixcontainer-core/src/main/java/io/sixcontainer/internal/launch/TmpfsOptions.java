package io.sixcontainer.internal.launch;

import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NODEV;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NOEXEC;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NOSUID;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_RDONLY;

import io.sixcontainer.InvalidSpecException;
import io.sixcontainer.TmpfsMount;

/**
 * A {@code --tmpfs TARGET[:OPTIONS]} mount as {@link TmpfsMount#parse} checks and splits it,
 * in the mount call's terms.
 *
 * @param target the absolute mount point inside the container
 * @param flags  the {@code MS_*} flags
 * @param data   the tmpfs options passed to the kernel, comma-separated
 */
public record TmpfsOptions(String target, long flags, String data) {

    /**
     * Parses one tmpfs mount.
     *
     * @throws InvalidSpecException naming the bad target or option
     */
    public static TmpfsOptions parse(String target, String options) {
        TmpfsMount m = TmpfsMount.parse(target, options);
        long flags = (m.readOnly() ? MS_RDONLY() : 0) | (m.noSuid() ? MS_NOSUID() : 0) | (m.noDev() ? MS_NODEV() : 0)
                | (m.noExec() ? MS_NOEXEC() : 0);
        return new TmpfsOptions(m.target(), flags, m.data());
    }
}
