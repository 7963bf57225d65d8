package io.sixcontainer.internal.cgroup;

import io.sixcontainer.Resources;
import io.sixcontainer.DeviceRule;
import java.util.List;

/**
 * The cgroup of one container, on whichever layout the host has (v1: one hierarchy per
 * controller; v2: one unified tree). Made with its limits while the helper starts; the init
 * joins it through {@link #procsFiles} right after reading its config, before anything else,
 * so every limit holds before the command runs.
 */
public interface CgroupManager {

    /** The cgroup at {@code placement} (which may or may not exist yet). */
    static CgroupManager of(CgroupPlacement placement) {
        return placement.unified() ? new CgroupV2Manager(placement) : new CgroupV1Manager(placement);
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
}
