package io.sixcontainer.internal.cgroup;

import io.sixcontainer.LaunchException;
import io.sixcontainer.ResourceUsage;
import io.sixcontainer.Resources;
import io.sixcontainer.DeviceRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A container's cgroup on cgroup v1: one directory, named by the container id, in each
 * hierarchy it needs (docs/cgroups.md): those of memory and cpuacct (usage, OOM kills) and
 * devices (the device allow-list) always, the others only for a limit of theirs. Each
 * limit is written in the hierarchy of its controller. Creating a cgroup costs a mkdir, a
 * migration of the init and, inside, a mount per hierarchy; a host has 8-12 of them.
 */
final class CgroupV1Manager implements CgroupManager {

    /** Controllers every container gets a cgroup of, limits or not. */
    static final Set<String> ALWAYS = Set.of("memory", "cpuacct", "devices");

    private final List<CgroupPlacement.Placed> cgroups;

    CgroupV1Manager(CgroupPlacement placement) {
        this.cgroups = placement.cgroups();
    }

    /** The controllers a container with {@code r} needs a cgroup of. */
    static Set<String> controllersFor(Resources r) {
        Set<String> c = new HashSet<>(ALWAYS);
        if (r.cpuShares().isPresent() || r.cpuQuotaMicros().isPresent()) {
            c.add("cpu");
        }
        if (r.cpusetCpus().isPresent() || r.cpusetMems().isPresent()) {
            c.add("cpuset");
        }
        if (r.pidsMax().isPresent()) {
            c.add("pids");
        }
        return c;
    }

    @Override
    public void create(Resources resources, List<DeviceRule> devices) {
        try {
            for (CgroupPlacement.Placed h : cgroups) {
                Path base = h.base();
                Path dir = h.dir();
                CgroupParents.seen(base, dir);
                CgroupFiles.mkdirs(base, dir);
                // every level, not only those made here: a concurrent launch may have made a
                // shared parent and not yet filled it
                if (h.controllers().contains("cpuset")) {
                    for (Path p = base; !p.equals(dir); ) {
                        p = p.resolve(dir.getName(p.getNameCount()));
                        inheritCpuset(p);
                    }
                }
            }
            writeLimits(resources);
            if (!DeviceRule.allowsAll(devices)) {
                DeviceAccess.restrictV1(dirOf("devices"), devices);
            }
        } catch (RuntimeException e) {
            remove();
            throw e;
        }
    }

    @Override
    public List<String> procsFiles() {
        return cgroups.stream().map(CgroupPlacement.Placed::procsFile).toList();
    }

    private void writeLimits(Resources r) {
        // memsw must stay >= the memory limit, so the memory limit goes first.
        write("memory", "memory.limit_in_bytes", r.memory());
        write("memory", "memory.memsw.limit_in_bytes", r.memorySwap());
        write("cpu", "cpu.shares", r.cpuShares());
        if (r.cpuQuotaMicros().isPresent()) {
            write("cpu", "cpu.cfs_period_us", OptionalLong.of(Resources.CPU_PERIOD_MICROS));
            write("cpu", "cpu.cfs_quota_us", r.cpuQuotaMicros());
        }
        r.cpusetCpus().ifPresent(c -> CgroupFiles.write(dirOf("cpuset").resolve("cpuset.cpus"), c));
        r.cpusetMems().ifPresent(m -> CgroupFiles.write(dirOf("cpuset").resolve("cpuset.mems"), m));
        write("pids", "pids.max", r.pidsMax());
    }

    private void write(String controller, String file, OptionalLong value) {
        if (value.isPresent()) {
            CgroupFiles.write(dirOf(controller).resolve(file), Long.toString(value.getAsLong()));
        }
    }

    // A new v1 cpuset group has no cpus and no mems; a task cannot join it until both are set.
    private static void inheritCpuset(Path dir) {
        for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
            if (CgroupFiles.read(dir.resolve(file)).orElse("").isEmpty()) {
                CgroupFiles.write(dir.resolve(file), CgroupFiles.read(dir.getParent().resolve(file)).orElse(""));
            }
        }
    }

    private Optional<Path> find(String controller) {
        return cgroups.stream().filter(h -> h.controllers().contains(controller)).map(CgroupPlacement.Placed::dir)
                .findFirst();
    }

    private Path dirOf(String controller) {
        return find(controller).orElseThrow(() -> new LaunchException("the limit needs the cgroup v1 " + controller
                        + " controller, which this host has not mounted", "cgroup", 0, controller, null));
    }

    @Override
    public ResourceUsage usage() {
        return new ResourceUsage(number("memory", "memory.max_usage_in_bytes"),
                Duration.ofNanos(number("cpuacct", "cpuacct.usage_user")),
                Duration.ofNanos(number("cpuacct", "cpuacct.usage_sys")));
    }

    private long number(String controller, String file) {
        return find(controller).map(d -> CgroupFiles.number(d.resolve(file))).orElse(0L);
    }

    @Override
    public boolean oomKilled() {
        return find("memory").map(d -> CgroupFiles.keyed(d.resolve("memory.oom_control"), "oom_kill") > 0)
                .orElse(false);
    }

    // Parents stay for the next launch; CgroupParents removes them when the runtime closes.
    @Override
    public void remove() {
        for (CgroupPlacement.Placed h : cgroups) {
            CgroupFiles.remove(h.dir());
            CgroupParents.seen(h.base(), h.dir());
        }
    }

    @Override
    public List<Path> dirs() {
        return cgroups.stream().map(CgroupPlacement.Placed::dir).toList();
    }
}
