package io.sixcontainer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first launch in a fresh JVM against the warm ones: runs {@link ColdStartMain} in a
 * new JVM several times and keeps the median of each phase it reports.
 */
final class ColdStart {

    /** Phase name to its statistics (milliseconds, or a count where the name says so). */
    record Result(Map<String, Stats> phases) {
    }

    private ColdStart() {
    }

    static Result measure(Workbench bench, int runs) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            String out = ExternalCommand.output(List.of(java, "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), ColdStartMain.class.getName(),
                    bench.runtime.root().toString()));
            for (String line : out.split("\n")) {
                String[] kv = line.split("\t");
                if (kv.length == 2) {
                    samples.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Double.parseDouble(kv[1]));
                }
            }
        }
        Map<String, Stats> phases = new LinkedHashMap<>();
        samples.forEach((k, v) -> phases.put(k, Stats.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
        phases.forEach((k, s) -> Progress.line("cold start %-44s median %8.2f (min %.2f, max %.2f)", k,
                s.median(), s.min(), s.max()));
        return new Result(phases);
    }
}
