package io.sixcontainer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the external contenders on PATH and says which are missing and where they come from. */
final class Preflight {

    /** Tool name to the Debian package that provides it. */
    private static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("crun", "crun");
        TOOLS.put("runc", "runc");
        TOOLS.put("bwrap", "bubblewrap");
        TOOLS.put("unshare", "util-linux");
        TOOLS.put("nsenter", "util-linux");
        TOOLS.put("setpriv", "util-linux");
    }

    private final Map<String, Path> found = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    static Preflight check() {
        Preflight p = new Preflight();
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        // Root's tools live in sbin; a PATH without it should not hide runc.
        path = path + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (var tool : TOOLS.entrySet()) {
            Path hit = null;
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool.getKey());
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    hit = candidate;
                    break;
                }
            }
            if (hit != null) {
                p.found.put(tool.getKey(), hit);
            } else {
                p.missing.add(tool.getKey() + " (Debian package " + tool.getValue() + ")");
            }
        }
        return p;
    }

    boolean has(String tool) {
        return found.containsKey(tool);
    }

    String path(String tool) {
        Path p = found.get(tool);
        if (p == null) {
            throw new IllegalStateException(tool + " is not installed");
        }
        return p.toString();
    }

    List<String> missing() {
        return List.copyOf(missing);
    }

    /** Prints what was found and what is missing; the workloads of a missing tool are skipped. */
    void print() {
        found.forEach((k, v) -> Progress.line("found %-8s %s", k, v));
        for (String m : missing) {
            Progress.line("MISSING %s: its workloads are skipped (apt-get install it to include them)", m);
        }
    }
}
