package io.sixcontainer.bench;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Runtime;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM: times Runtime.open, the first launch, the second, and the median
 * of the warm ones after them, and counts the classes the first launch loads. Prints
 * tab-separated {@code phase value} lines on stdout.
 */
public final class ColdStartMain {

    private ColdStartMain() {
    }

    public static void main(String[] args) {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long t0 = System.nanoTime();
        try (Runtime runtime = Runtime.open(Path.of(args[0]))) {
            Path rootfs = runtime.busyboxRootfs();
            print("Runtime.open + busyboxRootfs (ms)", ms(t0));
            ContainerSpec spec = ContainerSpec.builder().rootfs(rootfs).command("/bin/true").build();
            long before = classes.getTotalLoadedClassCount();
            print("1st launch -> exit (ms)", timeOne(runtime, spec));
            print("classes loaded by the 1st launch (count)", classes.getTotalLoadedClassCount() - before);
            print("2nd launch -> exit (ms)", timeOne(runtime, spec));
            double[] warm = new double[30];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = timeOne(runtime, spec);
            }
            print("warm launch -> exit, 3rd-32nd median (ms)", Stats.of(warm).median());
        }
    }

    private static double timeOne(Runtime runtime, ContainerSpec spec) {
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
