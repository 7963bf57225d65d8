package io.sixcontainer.examples.cli;

import io.sixcontainer.Resources;
import picocli.CommandLine.Option;

/** The resource-limit options of {@code sixc run}, named as {@code docker run} names them. */
final class ResourceOptions {

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit, e.g. 100m, 1g.")
    String memory;

    @Option(names = "--memory-swap", paramLabel = "SIZE",
            description = "Memory plus swap limit (-1: unlimited swap); needs --memory.")
    String memorySwap;

    @Option(names = {"-c", "--cpu-shares", "-cpushare"}, paramLabel = "N", description = "Relative cpu weight, 2-262144 (default 1024).")
    Long cpuShares;

    @Option(names = "--cpus", paramLabel = "N", description = "Cpu time limit in cpus, e.g. 1.5.")
    Double cpus;

    @Option(names = {"--cpuset-cpus", "-cpuset"}, paramLabel = "LIST", description = "Cpus to run on, e.g. 0-2,4.")
    String cpusetCpus;

    @Option(names = "--cpuset-mems", paramLabel = "LIST", description = "Memory nodes to allocate from, e.g. 0.")
    String cpusetMems;

    @Option(names = "--pids-limit", paramLabel = "N", description = "Most processes and threads at once.")
    Long pidsLimit;

    @Option(names = "--cgroup-parent", paramLabel = "PATH",
            description = "Cgroup holding the container's cgroup (relative: under sixc's own; default sixcontainer).")
    String cgroupParent;

    /** The limits given; {@link io.sixcontainer.InvalidSpecException} names a bad one. */
    Resources toResources() {
        Resources.Builder r = Resources.builder();
        if (memory != null) {
            r.memory(Resources.parseSize(memory));
        }
        if (memorySwap != null) {
            r.memorySwap(memorySwap.strip().equals("-1") ? -1 : Resources.parseSize(memorySwap));
        }
        if (cpuShares != null) {
            r.cpuShares(cpuShares);
        }
        if (cpus != null) {
            r.cpus(cpus);
        }
        if (cpusetCpus != null) {
            r.cpusetCpus(cpusetCpus);
        }
        if (cpusetMems != null) {
            r.cpusetMems(cpusetMems);
        }
        if (pidsLimit != null) {
            r.pidsMax(pidsLimit);
        }
        if (cgroupParent != null) {
            r.cgroupParent(cgroupParent);
        }
        return r.build();
    }
}
