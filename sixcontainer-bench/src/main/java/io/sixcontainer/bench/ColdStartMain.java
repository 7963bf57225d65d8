package io.sixcontainer.bench;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerRuntime;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: times ContainerRuntime.open, the first launch, the second, and the median
 * of the warm ones after them (30, or the second argument), and counts the classes the
 * first launch loads. Prints tab-separated {@code phase value} lines on stdout. Also the
 * subject of the JFR and strace profiles in docs/benchmarks.md:
 * {@code java -XX:StartFlightRecording=... -cp ... io.sixcontainer.bench.ColdStartMain ROOT 500}.
 */
public final class ColdStartMain {

    private ColdStartMain() {
    }

    public static void main(String[] args) {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long t0 = System.nanoTime();
        try (ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[0]))) {
            print("ContainerRuntime.open (ms)", ms(t0));
            long t1 = System.nanoTime();
            Path rootfs = runtime.busyboxRootfs();
            print("busyboxRootfs, already built (ms)", ms(t1));
            // The same container as the warm workload.
            ContainerSpec spec = Workbench.specOf("/bin/true");
            long before = classes.getTotalLoadedClassCount();
            print("1st launch -> exit (ms)", timeOne(runtime, spec));
            print("classes loaded by the 1st launch (count)", classes.getTotalLoadedClassCount() - before);
            print("2nd launch -> exit (ms)", timeOne(runtime, spec));
            int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
            double[] warm = new double[n];
            double[] launch = new double[n];
            double[] exit = new double[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                try (Container c = runtime.launch(spec)) {
                    launch[i] = ms(t);
                    long tl = System.nanoTime();
                    if (!c.waitFor().success()) {
                        throw new IllegalStateException("/bin/true failed");
                    }
                    exit[i] = ms(tl);
                }
                warm[i] = ms(t);
            }
            print("warm launch -> exit, next " + n + ", median (ms)", Stats.of(warm).median());
            print("  of which launch() until the command runs (ms)", Stats.of(launch).median());
            print("  of which waitFor() after launch() returned (ms)", Stats.of(exit).median());
        }
    }

    private static double timeOne(ContainerRuntime runtime, ContainerSpec spec) {
        long t = System.nanoTime();
        try (Container c = runtime.launch(spec)) {
            if (!c.waitFor().success()) {
                throw new IllegalStateException("/bin/true failed");
            }
        }
        return ms(t);
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String phase, double value) {
        System.out.println(phase + "\t" + value);
    }
}
