package io.sixcontainer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One paragraph on where the figures come from: CPU, kernel, JDK, contender versions. */
final class Machine {

    private Machine() {
    }

    static String describe(Preflight tools) {
        List<String> parts = new ArrayList<>();
        parts.add(Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + ")");
        parts.add("kernel " + System.getProperty("os.version"));
        parts.add("JDK " + System.getProperty("java.vm.version"));
        version(tools, "crun", parts);
        version(tools, "runc", parts);
        version(tools, "bwrap", parts);
        version(tools, "unshare", parts);
        return String.join(", ", parts);
    }

    /** The 1, 5 and 15 minute load averages: how busy the shared machine was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void version(Preflight tools, String tool, List<String> parts) {
        if (!tools.has(tool)) {
            return;
        }
        try {
            String first = ExternalCommand.output(List.of(tools.path(tool), "--version")).lines().findFirst().orElse("");
            parts.add(first.strip());
        } catch (Exception e) {
            parts.add(tool + " (version unknown)");
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
