package io.sixcontainer.internal.plan;

import io.sixcontainer.Namespace;
import io.sixcontainer.Resources;
import io.sixcontainer.internal.cgroup.CgroupPlacement;
import io.sixcontainer.internal.launch.MountStep;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a launch decided, resolved once from the {@link io.sixcontainer.ContainerSpec},
 * the image's config and the runtime root (by {@link LaunchPlanner}), saved as
 * {@code plan.json} in the container's state directory before the helper starts
 * ({@link LaunchPlanJson}), and read by everything after: the launcher encodes it for the
 * init, exec takes its defaults, confinement and cgroups from it, inspect, ps, repair and
 * commit read it. It never changes; what does (status, pid, exit) is in the record.
 *
 * <p>Sections a later feature adds (a user namespace with its id maps) go here as records
 * of their own, with the version raised; the network section came before any plan was
 * released, so version 1 has it.
 *
 * @param id           the container id
 * @param image        the image the root is made from, or null for a rootfs directory used as it is
 * @param root         what becomes {@code /}
 * @param process      the command and how it runs
 * @param namespaces   the namespaces it gets a new instance of
 * @param hostname     its hostname, or null without a UTS namespace of its own
 * @param systemMounts {@code /proc}, {@code /dev}, {@code /sys} and the cgroup view, in order
 * @param userMounts   volumes and tmpfs mounts (parents first), then the read-only remount of {@code /}
 * @param confinement  capabilities, seccomp, masked paths, limits, device rules
 * @param resources    the limits written to its cgroup
 * @param cgroups      where its cgroup is: the only record of those paths
 * @param network      its network, address and published ports
 * @param detached     whether it outlives its launcher, its output going to its log
 * @param autoRemove   whether it is removed once it has exited
 */
public record LaunchPlan(String id, ImageLayers image, RootMount root, ProcessPlan process, Set<Namespace> namespaces,
                         String hostname, List<MountStep> systemMounts, List<MountStep> userMounts,
                         ConfinementPlan confinement, Resources resources, CgroupPlacement cgroups, NetworkPlan network,
                         boolean detached,
                         boolean autoRemove) {

    /** The version of {@code plan.json} this code writes and reads. */
    public static final int VERSION = 1;

    public LaunchPlan {
        namespaces = namespaces.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(namespaces));
        systemMounts = List.copyOf(systemMounts);
        userMounts = List.copyOf(userMounts);
    }

    /** What {@code ps} shows as the container's image: the image as it was named, or the rootfs directory. */
    public String imageLabel() {
        return image != null ? image.ref() : root.rootfs().toString();
    }
}
