package io.sixcontainer.bench;

import java.util.List;
import java.util.Set;

/** The workloads of issue 8, in order, each skipped with a note when its tool is missing. */
final class Suite {

    /** The workload groups, in the order they run; {@code BenchMain --only} picks some. */
    static final List<String> GROUPS = List.of("latency", "network", "exec", "throughput", "cli", "memory", "cold");

    private final Workbench bench;
    private final Plan plan;
    private final Results results;

    Suite(Workbench bench, Plan plan, Results results) {
        this.bench = bench;
        this.plan = plan;
        this.results = results;
    }

    /** Runs the groups named in {@code only} (all of {@link #GROUPS} when it is empty). */
    void run(Set<String> only) throws Exception {
        for (String group : GROUPS) {
            if (!only.isEmpty() && !only.contains(group)) {
                results.skipped.add(group + ": not selected (--only)");
                continue;
            }
            switch (group) {
                case "latency" -> latency();
                case "network" -> network();
                case "exec" -> exec();
                case "throughput" -> throughput();
                case "cli" -> cli();
                case "memory" -> memory();
                case "cold" -> results.coldStart = ColdStart.measure(bench, plan.coldStarts());
                default -> throw new IllegalStateException(group);
            }
        }
    }

    private void latency() throws Exception {
        Contender us = bench.javaApi();
        // A warm JVM (workload 1): its JIT compiles the launch path; the other contenders are
        // processes of their own, with nothing to warm.
        for (int i = 0; i < plan.jitWarmup(); i++) {
            us.action().run();
        }
        if (bench.hasCrun()) {
            pair("launch -> exit, warm", us, bench.crun());
            pair("launch -> exit, our default confinement", bench.javaApiDefaults(), bench.crun());
        } else {
            results.skipped.add("launch vs crun: crun (or unshare/nsenter/setpriv for its mount namespace) missing");
        }
        if (bench.tools.has("runc")) {
            pair("launch -> exit, warm", us, bench.runc());
        }
        if (bench.tools.has("bwrap")) {
            pair("floor: launch -> exit", us, bench.bwrap());
        }
        if (bench.tools.has("unshare")) {
            pair("floor: launch -> exit", us, bench.unshare());
        }
    }

    // Issue 16: what a bridge network and one published port add to a launch.
    private void network() throws Exception {
        Contender bridged = bench.javaApiBridged();
        for (int i = 0; i < plan.jitWarmup(); i++) {
            bridged.action().run();
        }
        // Workbench.close removes the default bridge of the bench's root.
        pair("launch -> exit, bridge + 1 published port vs no network", bridged, bench.javaApi());
        if (bench.hasCrun()) {
            pair("launch -> exit, bridge + 1 published port", bridged, bench.crun());
        }
    }

    private void exec() throws Exception {
        try (ExecTargets targets = new ExecTargets(bench)) {
            Contender us = targets.javaApi();
            if (bench.hasCrun()) {
                results.exec.add(Pairs.latency("exec /bin/true, running container", us, targets.crun(),
                        plan.warmup(), plan.rounds()));
            } else {
                results.skipped.add("exec vs crun: crun (or unshare/nsenter/setpriv for its mount namespace) missing");
            }
            if (bench.tools.has("runc")) {
                results.exec.add(Pairs.latency("exec /bin/true, running container", us, targets.runc(),
                        plan.warmup(), plan.rounds()));
            }
        }
    }

    private void pair(String workload, Contender a, Contender b) throws Exception {
        results.latency.add(Pairs.latency(workload, a, b, plan.warmup(), plan.rounds()));
    }

    private void throughput() throws Exception {
        if (!bench.hasCrun()) {
            results.skipped.add("throughput: crun missing");
            return;
        }
        for (int threads : new int[] {1, 2}) {
            String name = threads == 1 ? "throughput, sequential" : "throughput, 2 in parallel";
            results.throughput.add(Throughput.compare(name, bench.javaApi(), bench.crun(), threads, plan.batch(),
                    plan.throughputRounds()));
        }
    }

    private void cli() throws Exception {
        Contender sixc = bench.sixcCli();
        // Builds the CLI jar if needed, outside any timing.
        sixc.action().run();
        if (bench.tools.has("runc")) {
            results.cli.add(Pairs.latency("CLI, whole process", sixc, bench.runc(), plan.cliWarmup(), plan.cliRounds()));
        }
        results.cli.add(Pairs.latency("CLI vs the JVM's own start", sixc, bench.jvmFloor(), plan.cliWarmup(),
                plan.cliRounds()));
    }

    private void memory() throws Exception {
        MemoryProbe probe = new MemoryProbe(bench);
        results.memory.add(probe.monitorRss(plan.memorySamples()));
        if (bench.hasCrun()) {
            results.memory.add(probe.ociRunRss("crun", plan.memorySamples()));
        }
        if (bench.tools.has("runc")) {
            results.memory.add(probe.ociRunRss("runc", plan.memorySamples()));
        }
        results.memory.addAll(probe.perHandle(plan.handles()));
    }
}
