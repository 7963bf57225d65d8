package io.sixcontainer.bench;

import io.sixcontainer.Container;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory per container: the RSS of the process that watches one running container
 * (sixcontainer's helper monitor, crun's and runc's foreground {@code run} process), and
 * the Java heap, descriptors and threads one live {@link Container} handle keeps.
 */
final class MemoryProbe {

    /** One measured figure. */
    record Figure(String what, Stats stats, String unit) {
    }

    private final Workbench bench;

    MemoryProbe(Workbench bench) {
        this.bench = bench;
    }

    /** RSS in KiB of the helper monitor of a running (sleeping) container, over {@code samples} containers. */
    Figure monitorRss(int samples) throws Exception {
        double[] kib = new double[samples];
        long self = ProcessHandle.current().pid();
        for (int i = 0; i < samples; i++) {
            try (Container c = bench.runtime.launch(bench.spec("/bin/sleep", "60"))) {
                List<Long> monitors = ProcFs.children(self, "sixc-helper", "run");
                if (monitors.size() != 1) {
                    throw new IllegalStateException("expected one helper monitor, found " + monitors);
                }
                kib[i] = ProcFs.rssKib(monitors.getFirst());
                c.kill();
                c.waitFor();
            }
        }
        return new Figure("sixcontainer helper monitor (sixc-helper run)", Stats.of(kib), "KiB RSS");
    }

    /** RSS in KiB of a foreground {@code crun run} / {@code runc run} while its container sleeps. */
    Figure ociRunRss(String runtime, int samples) throws Exception {
        double[] kib = new double[samples];
        for (int i = 0; i < samples; i++) {
            String id = bench.nextId();
            boolean crun = runtime.equals("crun");
            List<String> run = crun ? bench.crunRun(bench.bundleSleep, id) : bench.runcRun(bench.bundleSleep, id);
            Process p = new ProcessBuilder(run).redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                ProcFs.awaitChild(p.pid(), "sleep");
                kib[i] = ProcFs.rssKib(p.pid());
            } finally {
                String[] kill = {"kill", id, "KILL"};
                ExternalCommand.run(crun ? bench.crunCommand(kill) : bench.runcCommand(kill), bench.errFile());
                p.waitFor();
            }
        }
        return new Figure(runtime + " run (foreground, holds the container)", Stats.of(kib), "KiB RSS");
    }

    /** Java heap, descriptors and threads retained per live handle, from {@code n} sleeping containers. */
    List<Figure> perHandle(int n) throws Exception {
        settle();
        long heap0 = usedHeap();
        int fds0 = ProcFs.openFds();
        int threads0 = ProcFs.threads();
        List<Container> live = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                live.add(bench.runtime.launch(bench.spec("/bin/sleep", "60")));
            }
            settle();
            double heap = (usedHeap() - heap0) / (double) n;
            double fds = (ProcFs.openFds() - fds0) / (double) n;
            double threads = (ProcFs.threads() - threads0) / (double) n;
            return List.of(
                    new Figure("Java heap per live Container handle (" + n + " sleeping, after GC)", single(heap),
                            "bytes"),
                    new Figure("JVM descriptors per live handle", single(fds), "fds"),
                    new Figure("JVM threads per live handle", single(threads), "threads"));
        } finally {
            for (Container c : live) {
                c.kill();
            }
            for (Container c : live) {
                c.close();
            }
        }
    }

    private static Stats single(double v) {
        return new Stats(v, v, v, 1);
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
