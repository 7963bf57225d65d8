package io.sixcontainer.internal.cgroup;

import io.sixcontainer.Resources;
import io.sixcontainer.Security;
import io.sixcontainer.DeviceRule;
import java.util.List;

/**
 * The cgroup of one container, on whichever layout the host has (v1: one hierarchy per
 * controller; v2: one unified tree). Made with its limits while the helper starts; the init
 * joins it through {@link #procsFiles} right after reading its config, before anything else,
 * so every limit holds before the command runs.
 */
public interface CgroupManager {

    /**
     * Creates the cgroup of container {@code id} on this host's layout, with the limits of
     * {@code resources} and the device rules of {@code security}; the init then joins it through {@link #procsFiles}.
     *
     * @throws io.sixcontainer.LaunchException if any step fails; nothing is left behind
     */
    static CgroupManager prepare(String id, io.sixcontainer.Resources resources, Security security) {
        CgroupManager cgroup = CgroupLayout.host().managerFor(id, resources);
        cgroup.create(resources, DeviceRule.parseAll(security.deviceCgroupRules()));
        return cgroup;
    }

    /**
     * Creates the container's cgroup, writes every limit of {@code resources} and allows only
     * the devices of {@code devices}. On any failure removes what it created and throws.
     *
     * @throws io.sixcontainer.LaunchException naming the file, the value and errno
     */
    void create(Resources resources, List<DeviceRule> devices);

    /**
     * The {@code cgroup.procs} file of the cgroup in every hierarchy of it (one on v2), host
     * paths: the init writes itself into each before anything of the container runs.
     */
    List<String> procsFiles();

    /** The usage so far; zeros for what the kernel does not report (or once removed). Never throws. */
    io.sixcontainer.ResourceUsage usage();

    /** True when the kernel's OOM killer killed a process of this cgroup. Never throws. */
    boolean oomKilled();

    /** Removes the cgroup; its processes must be gone. Failures are logged, never thrown. */
    void remove();

    /** The host directories of the container's cgroup (one per v1 hierarchy it has, one on v2). */
    List<java.nio.file.Path> dirs();

    /**
     * The v1 hierarchies the container has a cgroup of, which are what it sees under
     * {@code /sys/fs/cgroup} (see MountPlan); empty on v2, where it sees its one cgroup.
     */
    List<CgroupLayout.Hierarchy> hierarchies();
}
