package io.sixcontainer.internal.launch;

import static io.sixcontainer.ffi.libc.sys_mount_h.MS_BIND;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NODEV;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NOEXEC;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_NOSUID;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_RDONLY;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_REC;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_REMOUNT;
import static io.sixcontainer.ffi.libc.sys_mount_h.MS_STRICTATIME;

import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Namespace;
import io.sixcontainer.Volume;
import io.sixcontainer.internal.cgroup.CgroupPlacement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the mounts a container gets: {@code /proc}, a {@code /dev} tmpfs with the OCI
 * default devices, {@code /dev/pts}, {@code /dev/shm}, {@code /dev/mqueue}, and a read-only
 * {@code /sys}. The init executes the plan mechanically; the policy lives here.
 */
public final class MountPlan {

    private MountPlan() {
    }

    /** @param cgroups where the container's cgroup is: what it sees of cgroups under {@code /sys/fs/cgroup} */
    public static List<MountStep> standard(Set<Namespace> namespaces, CgroupPlacement cgroups) {
        List<MountStep> plan = new ArrayList<>();
        plan.add(MountStep.mount("proc", "/proc", "proc", MS_NOSUID() | MS_NODEV() | MS_NOEXEC(), ""));
        plan.add(MountStep.mount("tmpfs", "/dev", "tmpfs", MS_NOSUID() | MS_STRICTATIME(), "mode=755,size=65536k"));
        addDevices(plan);
        plan.add(MountStep.mount("devpts", "/dev/pts", "devpts", MS_NOSUID() | MS_NOEXEC(),
                "newinstance,ptmxmode=0666,mode=0620,gid=5"));
        plan.add(MountStep.symlink("pts/ptmx", "/dev/ptmx"));
        plan.add(MountStep.mount("shm", "/dev/shm", "tmpfs", MS_NOSUID() | MS_NODEV() | MS_NOEXEC(),
                "mode=1777,size=65536k"));
        if (namespaces.contains(Namespace.IPC)) {
            // mqueue shows the IPC namespace of the mounter; without a new one it would be the host's.
            plan.add(MountStep.mount("mqueue", "/dev/mqueue", "mqueue", MS_NOSUID() | MS_NODEV() | MS_NOEXEC(), ""));
        }
        plan.add(MountStep.symlink("/proc/self/fd", "/dev/fd"));
        plan.add(MountStep.symlink("/proc/self/fd/0", "/dev/stdin"));
        plan.add(MountStep.symlink("/proc/self/fd/1", "/dev/stdout"));
        plan.add(MountStep.symlink("/proc/self/fd/2", "/dev/stderr"));
        // sysfs shows the network devices of the mounter's network namespace.
        plan.add(MountStep.mount("sysfs", "/sys", "sysfs", MS_RDONLY() | MS_NOSUID() | MS_NODEV() | MS_NOEXEC(), ""));
        if (namespaces.contains(Namespace.CGROUP)) {
            plan.addAll(cgroupMounts(cgroups));
        }
        return List.copyOf(plan);
    }

    /**
     * The container's own cgroup, read-only at {@code /sys/fs/cgroup}: mounted after the
     * init's {@code unshare(CLONE_NEWCGROUP)}, a cgroup filesystem shows the namespace's
     * root, which is the container's cgroup. On v1, one mount per hierarchy the container has
     * a cgroup of, in a tmpfs, named like the host's; in the others its namespace's root is
     * its launcher's cgroup, which it has no business seeing.
     */
    static List<MountStep> cgroupMounts(CgroupPlacement cgroups) {
        long readOnly = MS_RDONLY() | MS_NOSUID() | MS_NODEV() | MS_NOEXEC();
        if (cgroups.unified()) {
            return List.of(MountStep.mount("cgroup2", "/sys/fs/cgroup", "cgroup2", readOnly, ""));
        }
        List<MountStep> steps = new ArrayList<>();
        steps.add(MountStep.mount("tmpfs", "/sys/fs/cgroup", "tmpfs", MS_NOSUID() | MS_NODEV() | MS_NOEXEC(),
                "mode=755,size=64k"));
        for (CgroupPlacement.Placed h : cgroups.cgroups()) {
            steps.add(MountStep.mount("cgroup", "/sys/fs/cgroup/" + h.mountPoint().getFileName(), "cgroup", readOnly,
                    String.join(",", h.controllers())));
        }
        steps.add(MountStep.mount("", "/sys/fs/cgroup", "", MS_BIND() | MS_REMOUNT() | readOnly, ""));
        return steps;
    }

    /** The terminal (its host path) as {@code /dev/console}: between the standard steps and the {@link #options}. */
    static MountStep console(String ttySlave) {
        // The container's /dev/pts is a private instance without this slave (runc binds it the same way).
        return MountStep.mount(ttySlave, "/dev/console", "", MS_BIND(), "");
    }

    /**
     * The steps a spec's options add after the standard plan: the container's {@code /etc}
     * files from {@code stateDir}, the volumes and tmpfs mounts
     * (shallower targets first) and, last so that every mount point exists by then, the
     * read-only remount of {@code /}.
     */
    public static List<MountStep> options(ContainerSpec spec, java.nio.file.Path stateDir) {
        List<MountStep> plan = new ArrayList<>();
        // The container's own hosts, hostname and resolv.conf, first: a volume on one of them wins.
        for (String[] f : io.sixcontainer.internal.net.EtcFiles.FILES) {
            plan.add(MountStep.mount(stateDir.resolve(f[0]).toString(), f[1], "", MS_BIND(), ""));
        }
        // Parents before children, whatever order they were given in (docker sorts the same way).
        List<Map.Entry<String, MountStep>> userMounts = new ArrayList<>();
        for (Volume v : spec.volumes()) {
            // A read-only volume is not recursive: a submount left writable would defeat it.
            long flags = v.readOnly() ? MS_BIND() | MS_RDONLY() : MS_BIND() | MS_REC();
            userMounts.add(Map.entry(v.target(), MountStep.mount(v.source().toString(), v.target(), "", flags, "")));
        }
        spec.tmpfs().forEach((target, options) -> {
            TmpfsOptions t = TmpfsOptions.parse(target, options);
            userMounts.add(Map.entry(t.target(), MountStep.mount("tmpfs", t.target(), "tmpfs", t.flags(), t.data())));
        });
        userMounts.stream().sorted(Comparator.comparingLong(e -> depth(e.getKey())))
                .forEach(e -> plan.add(e.getValue()));
        if (spec.readOnlyRootfs()) {
            plan.add(MountStep.mount("", "/", "", MS_BIND() | MS_REMOUNT() | MS_RDONLY(), ""));
        }
        return List.copyOf(plan);
    }

    private static long depth(String target) {
        return java.util.Arrays.stream(target.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).count();
    }

    // The OCI runtime spec's default devices.
    private static void addDevices(List<MountStep> plan) {
        plan.add(MountStep.charDevice("/dev/null", 0666, 1, 3));
        plan.add(MountStep.charDevice("/dev/zero", 0666, 1, 5));
        plan.add(MountStep.charDevice("/dev/full", 0666, 1, 7));
        plan.add(MountStep.charDevice("/dev/random", 0666, 1, 8));
        plan.add(MountStep.charDevice("/dev/urandom", 0666, 1, 9));
        plan.add(MountStep.charDevice("/dev/tty", 0666, 5, 0));
    }
}
