package io.sixcontainer.internal.cgroup;

import io.sixcontainer.Resources;
import io.sixcontainer.Security;
import io.sixcontainer.internal.security.DeviceRule;
import java.util.List;

/**
 * The cgroup of one container, on whichever layout the host has (v1: one hierarchy per
 * controller; v2: one unified tree). Created in the launch handshake window, while the
 * init is still blocked on its config, so every limit holds before the command runs.
 */
public interface CgroupManager {

    /**
     * Creates the cgroup of container {@code id} on this host's layout, with the limits of
     * {@code resources} and the device rules of {@code security}, and moves {@code pid} into it.
     *
     * @throws io.sixcontainer.LaunchException if any step fails; nothing is left behind
     */
    static CgroupManager place(String id, io.sixcontainer.Resources resources, Security security, int pid) {
        CgroupManager cgroup = CgroupLayout.host().managerFor(id, resources);
        cgroup.create(resources, DeviceRule.parseAll(security.deviceCgroupRules()), pid);
        return cgroup;
    }

    /**
     * Creates the container's cgroup, writes every limit of {@code resources}, allows only the
     * devices of {@code devices} and moves {@code pid} into it. On any failure removes what it
     * created and throws.
     *
     * @throws io.sixcontainer.LaunchException naming the file, the value and errno
     */
    void create(Resources resources, List<DeviceRule> devices, int pid);

    /** The usage so far; zeros for what the kernel does not report (or once removed). Never throws. */
    io.sixcontainer.ResourceUsage usage();

    /** True when the kernel's OOM killer killed a process of this cgroup. Never throws. */
    boolean oomKilled();

    /** Removes the cgroup; its processes must be gone. Failures are logged, never thrown. */
    void remove();

    /** The host directories of the container's cgroup (one per v1 hierarchy, one on v2). */
    List<java.nio.file.Path> dirs();
}
