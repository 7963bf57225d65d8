package io.sixcontainer.internal.cgroup;

import io.sixcontainer.LaunchException;
import io.sixcontainer.ffi.Bpf;
import io.sixcontainer.ffi.Errno;
import io.sixcontainer.ffi.ErrnoException;
import io.sixcontainer.ffi.Libc;
import io.sixcontainer.ffi.libc.fcntl_h;
import io.sixcontainer.ffi.libc.linux_bpf_h;
import io.sixcontainer.internal.security.DeviceProgram;
import io.sixcontainer.DeviceRule;
import java.nio.file.Path;
import java.util.List;

/**
 * Restricts the devices of a container's cgroup to its rules, before its init is released.
 * Rules that allow everything (a privileged container) restrict nothing: the cgroup keeps
 * what its parent, and so the host, allows.
 */
final class DeviceAccess {

    private DeviceAccess() {
    }

    /**
     * cgroup v1: {@code devices.deny a} empties the new cgroup's list (it starts as a copy of
     * its parent's), then one {@code devices.allow} write per rule. Only for rules that do not
     * allow everything (the caller needs no {@code devices} hierarchy for those).
     */
    static void restrictV1(Path devicesDir, List<DeviceRule> rules) {
        CgroupFiles.write(devicesDir.resolve("devices.deny"), "a");
        for (DeviceRule r : rules) {
            // v1 reads any line starting with 'a' as "all devices": a narrower 'a' rule is one per type
            for (char type : r.type() == 'a' ? new char[] {'c', 'b'} : new char[] {r.type()}) {
                CgroupFiles.write(devicesDir.resolve("devices.allow"),
                        new DeviceRule(type, r.major(), r.minor(), r.access()).toString());
            }
        }
    }

    /** cgroup v2: the rules' device program, attached to {@code cgroupDir}. */
    static void restrictV2(Path cgroupDir, List<DeviceRule> rules) {
        if (!DeviceRule.allowsAll(rules)) {
            attach(cgroupDir, DeviceProgram.compile(rules));
        }
    }

    /**
     * Loads {@code program} as a {@code BPF_PROG_TYPE_CGROUP_DEVICE} program and attaches it to
     * {@code cgroupDir}. The cgroup holds the program from then on (it goes when the cgroup is
     * removed), so both descriptors are closed here. {@code BPF_F_ALLOW_MULTI}, as runc and
     * systemd attach theirs: the programs of the cgroups above (systemd's) still run too, and
     * every one must allow an access.
     */
    static void attach(Path cgroupDir, byte[] program) {
        int dirFd = -1;
        int progFd = -1;
        try {
            dirFd = Libc.open(cgroupDir.toString(), fcntl_h.O_RDONLY() | fcntl_h.O_DIRECTORY() | fcntl_h.O_CLOEXEC(), 0);
            progFd = Bpf.progLoad(linux_bpf_h.BPF_PROG_TYPE_CGROUP_DEVICE(), program, "Apache-2.0", "sixc_devices");
            Bpf.progAttach(dirFd, progFd, linux_bpf_h.BPF_CGROUP_DEVICE(), linux_bpf_h.BPF_F_ALLOW_MULTI());
        } catch (ErrnoException e) {
            throw new LaunchException("cannot restrict the devices of the cgroup " + cgroupDir + ": " + e.call()
                    + " failed with " + Errno.name(e.errno()) + " (" + Errno.description(e.errno()) + ")"
                    + (e.detail().isEmpty() ? "" : ": " + e.detail()), "cgroup", e.errno(), cgroupDir.toString(), e);
        } finally {
            Libc.closeAll(progFd, dirFd);
        }
    }
}
