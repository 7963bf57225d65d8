package io.sixcontainer.internal.cgroup;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a container's cgroup is: chosen once at launch from the host's layout, recorded in
 * its launch plan, and the only source of those paths afterwards (the init and every exec'd
 * process join exactly these; usage, OOM and removal read them).
 *
 * @param unified whether these are cgroups of the unified (v2) tree
 * @param parent  the cgroup parent it hangs under (see {@link io.sixcontainer.Resources#cgroupParent()})
 * @param cgroups one per v1 hierarchy it has a cgroup in, or the one v2 cgroup
 */
public record CgroupPlacement(boolean unified, String parent, List<Placed> cgroups) {

    /**
     * The container's cgroup in one hierarchy.
     *
     * @param controllers the hierarchy's controllers (empty on v2)
     * @param mountPoint  where the hierarchy is mounted on the host
     * @param base        the cgroup the parent path is resolved from (the root, or the launcher's own)
     * @param dir         the container's cgroup directory
     */
    public record Placed(List<String> controllers, Path mountPoint, Path base, Path dir) {
        public Placed {
            controllers = List.copyOf(controllers);
        }

        /** The file a process writes its pid to, to join this cgroup. */
        public String procsFile() {
            return dir.resolve("cgroup.procs").toString();
        }
    }

    public CgroupPlacement {
        cgroups = List.copyOf(cgroups);
    }

    /** The {@code cgroup.procs} file of each cgroup. */
    public List<String> procsFiles() {
        return cgroups.stream().map(Placed::procsFile).toList();
    }
}
