package io.sixcontainer.internal.cgroup;

import io.sixcontainer.LaunchException;
import io.sixcontainer.ResourceUsage;
import io.sixcontainer.Resources;
import io.sixcontainer.internal.security.DeviceRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container's cgroup on cgroup v1: one directory, named by the container id, in every
 * hierarchy that has a controller; each limit is written in the hierarchy of its controller.
 */
final class CgroupV1Manager implements CgroupManager {

    private final List<CgroupLayout.Hierarchy> hierarchies;
    private final String parent;
    private final Map<CgroupLayout.Hierarchy, Path> dirs = new java.util.LinkedHashMap<>();

    CgroupV1Manager(List<CgroupLayout.Hierarchy> hierarchies, String parent, String id) {
        this.hierarchies = hierarchies;
        this.parent = parent;
        for (CgroupLayout.Hierarchy h : hierarchies) {
            Path base = CgroupLayout.base(h.mountPoint(), h.ownDir(), parent);
            dirs.put(h, base.resolve(parent.replaceFirst("^/+", "")).resolve(id));
        }
    }

    @Override
    public void create(Resources resources, List<DeviceRule> devices, int pid) {
        try {
            for (CgroupLayout.Hierarchy h : hierarchies) {
                Path base = base(h);
                Path dir = dirs.get(h);
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
            for (Path dir : dirs.values()) {
                CgroupFiles.write(dir.resolve("cgroup.procs"), Integer.toString(pid));
            }
        } catch (RuntimeException e) {
            remove();
            throw e;
        }
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
        return dirs.entrySet().stream()
                .filter(e -> e.getKey().controllers().contains(controller))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private Path dirOf(String controller) {
        return find(controller).orElseThrow(() -> new LaunchException("the limit needs the cgroup v1 " + controller
                        + " controller, which this host has not mounted", "cgroup", 0, controller, null));
    }

    private Path base(CgroupLayout.Hierarchy h) {
        return CgroupLayout.base(h.mountPoint(), h.ownDir(), parent);
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

    @Override
    public void remove() {
        for (Map.Entry<CgroupLayout.Hierarchy, Path> e : dirs.entrySet()) {
            CgroupFiles.remove(e.getValue());
            Path base = base(e.getKey());
            for (Path p = e.getValue().getParent(); p.startsWith(base) && !p.equals(base); p = p.getParent()) {
                CgroupFiles.removeIfUnused(p);
            }
        }
    }

    @Override
    public List<Path> dirs() {
        return new ArrayList<>(dirs.values());
    }
}
