package io.sixcontainer.internal.cgroup;

import io.sixcontainer.LaunchException;
import io.sixcontainer.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host's cgroup layout, read from /proc/self/mountinfo and /proc/self/cgroup: either
 * the unified (v2) tree, or v1 hierarchies, each with its controllers and the directory of
 * this process's own cgroup in it. A hybrid host (v1 controllers plus a cgroup2 mount that
 * holds none of them, e.g. at /sys/fs/cgroup/unified) counts as v1: that is where the
 * controllers are.
 *
 * @param unifiedOwnDir the directory of this process's cgroup on a v2 host, else null
 * @param unifiedRoot   the mount point of the unified tree on a v2 host, else null
 * @param hierarchies   the v1 hierarchies with at least one controller (empty on v2)
 */
public record CgroupLayout(Path unifiedOwnDir, Path unifiedRoot, List<Hierarchy> hierarchies) {

    /**
     * One mounted v1 hierarchy.
     *
     * @param controllers the controllers bound to it, e.g. {@code cpu, cpuacct}
     * @param mountPoint  where it is mounted
     * @param ownDir      this process's cgroup in it
     */
    public record Hierarchy(Set<String> controllers, Path mountPoint, Path ownDir) {
    }

    private static volatile CgroupLayout host;

    /** The layout of this host, detected on first use (a race only detects it twice). */
    public static CgroupLayout host() {
        CgroupLayout layout = host;
        if (layout == null) {
            layout = detect(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"));
            host = layout;
        }
        return layout;
    }

    /** True on a cgroup v2 (unified) host. */
    public boolean unified() {
        return unifiedOwnDir != null;
    }

    /**
     * Where the cgroup of container {@code id} goes, under {@code resources.cgroupParent()}: on v1
     * in the hierarchies its limits need (docs/cgroups.md). Creates nothing.
     */
    public CgroupPlacement placementFor(String id, Resources resources) {
        if (unified()) {
            return new CgroupPlacement(true, resources.cgroupParent(),
                    List.of(placed(List.of(), unifiedRoot, unifiedOwnDir, resources.cgroupParent(), id)));
        }
        Set<String> wanted = CgroupV1Manager.controllersFor(resources);
        List<Hierarchy> matching = hierarchies.stream()
                .filter(h -> h.controllers().stream().anyMatch(wanted::contains)).toList();
        // A host with none of them still gives the container a cgroup of its own.
        return v1Placement(id, resources.cgroupParent(), matching.isEmpty() ? hierarchies : matching);
    }

    /**
     * Every cgroup container {@code id} could have under {@code parent}, in every hierarchy: for
     * removing what a container without a readable plan may have left.
     */
    public CgroupPlacement everywhere(String id, String parent) {
        return unified() ? placementFor(id, Resources.builder().cgroupParent(parent).build())
                : v1Placement(id, parent, hierarchies);
    }

    private CgroupPlacement v1Placement(String id, String parent, List<Hierarchy> in) {
        if (in.isEmpty()) {
            throw new LaunchException("this host has no cgroup controllers mounted (neither a cgroup2 mount nor"
                    + " cgroup v1 hierarchies under /proc/self/mountinfo)", "cgroup", 0, "", null);
        }
        return new CgroupPlacement(false, parent, in.stream()
                .map(h -> placed(List.copyOf(new java.util.TreeSet<>(h.controllers())), h.mountPoint(), h.ownDir(),
                        parent, id))
                .toList());
    }

    private static CgroupPlacement.Placed placed(List<String> controllers, Path mountPoint, Path ownDir,
                                                 String parent, String id) {
        Path base = base(mountPoint, ownDir, parent);
        return new CgroupPlacement.Placed(controllers, mountPoint, base,
                base.resolve(parent.replaceFirst("^/+", "")).resolve(id));
    }

    /** Where a relative cgroup parent hangs: the process's own cgroup; an absolute one: the root. */
    static Path base(Path root, Path ownDir, String parent) {
        return parent.startsWith("/") ? root : ownDir;
    }

    static CgroupLayout detect(Path mountinfo, Path procCgroup) {
        try {
            List<String[]> mounts = Files.readAllLines(mountinfo).stream().map(CgroupLayout::mountFields).toList();
            List<String> own = Files.readAllLines(procCgroup);
            List<Hierarchy> v1 = new ArrayList<>();
            Path unifiedRoot = null;
            Path unifiedOwn = null;
            for (String[] m : mounts) {
                String root = m[0];
                Path point = Path.of(m[1]);
                if (m[2].equals("cgroup2") && unifiedRoot == null) {
                    unifiedRoot = point;
                    unifiedOwn = ownDir(point, root, ownPath(own, "").orElse("/"));
                } else if (m[2].equals("cgroup")) {
                    Set<String> controllers = controllers(m[3]);
                    if (!controllers.isEmpty() && v1.stream().noneMatch(h -> h.controllers().equals(controllers))) {
                        String path = ownPath(own, String.join(",", controllers)).orElse("/");
                        v1.add(new Hierarchy(controllers, point, ownDir(point, root, path)));
                    }
                }
            }
            return v1.isEmpty() && unifiedRoot != null
                    ? new CgroupLayout(unifiedOwn, unifiedRoot, List.of())
                    : new CgroupLayout(null, null, List.copyOf(v1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroup layout", e);
        }
    }

    /** {root, mount point, fstype, super options} of one mountinfo line. */
    private static String[] mountFields(String line) {
        String[] w = line.split(" ");
        int dash = List.of(w).indexOf("-");
        return new String[] {unescape(w[3]), unescape(w[4]), w[dash + 1], w[dash + 3]};
    }

    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    private static Set<String> controllers(String superOptions) {
        Set<String> known = Set.of("cpu", "cpuacct", "cpuset", "memory", "pids", "blkio", "devices", "freezer",
                "net_cls", "net_prio", "perf_event", "hugetlb", "rdma", "misc");
        return Set.copyOf(List.of(superOptions.split(",")).stream().filter(known::contains).sorted().toList());
    }

    /** This process's path in the hierarchy whose /proc/self/cgroup controller field is {@code controllers}. */
    private static java.util.Optional<String> ownPath(List<String> procCgroup, String controllers) {
        Set<String> wanted = Set.of(controllers.split(","));
        return procCgroup.stream()
                .map(l -> l.split(":", 3))
                .filter(f -> f.length == 3 && Set.of(f[1].split(",")).equals(wanted))
                .map(f -> f[2])
                .findFirst();
    }

    private static Path ownDir(Path mountPoint, String mountRoot, String ownPath) {
        String rel = ownPath;
        if (!mountRoot.equals("/")) {
            if (!ownPath.equals(mountRoot) && !ownPath.startsWith(mountRoot + "/")) {
                return mountPoint;
            }
            rel = ownPath.substring(mountRoot.length());
        }
        rel = rel.replaceFirst("^/+", "");
        return rel.isEmpty() ? mountPoint : mountPoint.resolve(rel);
    }
}
