package io.sixcontainer.internal.cgroup;

import io.sixcontainer.ResourceUsage;
import io.sixcontainer.Resources;
import io.sixcontainer.DeviceRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A container's cgroup on cgroup v2: one directory, named by the container id, in the
 * unified tree; the controllers it needs are enabled in the subtree_control of every
 * cgroup above it, down from the base.
 */
final class CgroupV2Manager implements CgroupManager {

    private static final List<String> CONTROLLERS = List.of("cpu", "cpuset", "memory", "pids");

    private final Path base;
    private final Path dir;

    CgroupV2Manager(CgroupPlacement placement) {
        this.base = placement.cgroups().getFirst().base();
        this.dir = placement.cgroups().getFirst().dir();
    }

    @Override
    public void create(Resources resources, List<DeviceRule> devices) {
        try {
            CgroupParents.seen(base, dir);
            CgroupFiles.mkdirs(base, dir);
            for (Path p = base; !p.equals(dir); p = p.resolve(dir.getName(p.getNameCount()))) {
                enableControllers(p);
            }
            writeLimits(resources);
            DeviceAccess.restrictV2(dir, devices);
        } catch (RuntimeException e) {
            remove();
            throw e;
        }
    }

    @Override
    public List<String> procsFiles() {
        return List.of(dir.resolve("cgroup.procs").toString());
    }

    // A cgroup with processes of its own (other than the root) cannot enable controllers
    // for children (EBUSY): the base must be the root or a delegated, process-free cgroup.
    private static void enableControllers(Path cgroup) {
        Set<String> available = Set.of(CgroupFiles.read(cgroup.resolve("cgroup.controllers")).orElse("").split(" "));
        Set<String> enabled = Set.of(CgroupFiles.read(cgroup.resolve("cgroup.subtree_control")).orElse("").split(" "));
        String wanted = String.join(" ", CONTROLLERS.stream()
                .filter(c -> available.contains(c) && !enabled.contains(c))
                .map(c -> "+" + c)
                .toList());
        if (!wanted.isEmpty()) {
            CgroupFiles.write(cgroup.resolve("cgroup.subtree_control"), wanted);
        }
    }

    private void writeLimits(Resources r) {
        r.memory().ifPresent(m -> write("memory.max", Long.toString(m)));
        // v2 limits swap alone; v1's memsw limited memory plus swap.
        r.memorySwap().ifPresent(s -> write("memory.swap.max",
                s == -1 ? "max" : Long.toString(s - r.memory().orElseThrow())));
        r.cpuWeight().ifPresent(w -> write("cpu.weight", Long.toString(w)));
        r.cpuQuotaMicros().ifPresent(q -> write("cpu.max", q + " " + Resources.CPU_PERIOD_MICROS));
        r.cpusetCpus().ifPresent(c -> write("cpuset.cpus", c));
        r.cpusetMems().ifPresent(m -> write("cpuset.mems", m));
        r.pidsMax().ifPresent(p -> write("pids.max", Long.toString(p)));
    }

    private void write(String file, String value) {
        CgroupFiles.write(dir.resolve(file), value);
    }

    @Override
    public ResourceUsage usage() {
        Path cpuStat = dir.resolve("cpu.stat");
        return new ResourceUsage(CgroupFiles.number(dir.resolve("memory.peak")),
                Duration.ofNanos(CgroupFiles.keyed(cpuStat, "user_usec") * 1000),
                Duration.ofNanos(CgroupFiles.keyed(cpuStat, "system_usec") * 1000));
    }

    @Override
    public boolean oomKilled() {
        return CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill") > 0;
    }

    // Parents stay for the next launch; CgroupParents removes them when the runtime closes.
    @Override
    public void remove() {
        CgroupFiles.remove(dir);
        CgroupParents.seen(base, dir);
    }

    @Override
    public List<Path> dirs() {
        return List.of(dir);
    }
}
