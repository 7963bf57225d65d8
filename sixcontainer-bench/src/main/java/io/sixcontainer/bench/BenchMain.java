package io.sixcontainer.bench;

import io.sixcontainer.ffi.Libc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every workload side by side and writes {@code benchmarks.md} and {@code benchmarks.png}.
 *
 * <pre>
 * BenchMain --out DIR --repo CHECKOUT [--quick] [--only GROUP,...]
 * </pre>
 * {@code --quick} runs few rounds (a smoke test of the harness, not a measurement);
 * {@code --only} runs some of the groups in {@link Suite#GROUPS} (e.g. {@code --only cli}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("docs");
        Path repo = Path.of(".");
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: BenchMain --out DIR --repo CHECKOUT [--quick] [--only GROUP,...])");
            }
        }
        if (!Suite.GROUPS.containsAll(only)) {
            throw new IllegalArgumentException("--only takes some of " + Suite.GROUPS + ", not " + only);
        }
        if (Libc.geteuid() != 0) {
            System.err.println("[bench] the benchmarks need root (containers, namespaces, mounts)");
            System.exit(2);
        }
        Preflight tools = Preflight.check();
        tools.print();
        Plan plan = quick ? Plan.QUICK : Plan.FULL;
        Results results = new Results();
        results.machine = Machine.describe(tools);
        results.loadBefore = Machine.loadAverage();
        for (String m : tools.missing()) {
            results.skipped.add("missing " + m);
        }
        try (Workbench bench = Workbench.open(tools, repo.toAbsolutePath().normalize())) {
            new Suite(bench, plan, results).run(only);
        }
        results.loadAfter = Machine.loadAverage();
        Files.createDirectories(out);
        Path png = out.resolve("benchmarks.png");
        Chart.write(results, png);
        Report.write(results, plan, out.resolve("benchmarks.md"), png.getFileName().toString());
        Progress.line("wrote %s and %s", out.resolve("benchmarks.md"), png);
    }
}
