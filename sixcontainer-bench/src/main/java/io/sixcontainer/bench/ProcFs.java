package io.sixcontainer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benchmark reads about processes from /proc (the kernel's view, not ours). */
final class ProcFs {

    private ProcFs() {
    }

    /** Resident set size of {@code pid} in KiB (VmRSS). */
    static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    /** Pids whose parent is {@code ppid} and whose command line contains every one of {@code words}. */
    static List<Long> children(long ppid, String... words) throws IOException {
        List<Long> hits = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    if (parent(p) != ppid) {
                        continue;
                    }
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    boolean all = true;
                    for (String w : words) {
                        all &= cmdline.contains(w);
                    }
                    if (all) {
                        hits.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return hits;
    }

    /** Waits up to 5 s for a child of {@code ppid} whose command line contains {@code word}. */
    static long awaitChild(long ppid, String word) throws IOException, InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<Long> c = children(ppid, word);
            if (!c.isEmpty()) {
                return c.getFirst();
            }
            Thread.sleep(10);
        }
        throw new IOException("no child '" + word + "' of pid " + ppid + " appeared");
    }

    static int openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        }
    }

    static int threads() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            return (int) s.count();
        }
    }

    private static long parent(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        // comm may hold spaces and parentheses: the fields after the last ')' are fixed.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[1]);
    }
}
