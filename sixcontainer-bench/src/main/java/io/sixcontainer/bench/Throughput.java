package io.sixcontainer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Containers per second: a fixed batch of back-to-back launches run by {@code threads}
 * threads at once, for two contenders in alternating batches (A B A B ...).
 */
final class Throughput {

    private Throughput() {
    }

    static PairResult compare(String workload, Contender a, Contender b, int threads, int batch, int rounds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            batch(pool, a, threads, batch);
            batch(pool, b, threads, batch);
            double[] ra = new double[rounds];
            double[] rb = new double[rounds];
            double[] ratio = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ra[i] = batch(pool, a, threads, batch);
                rb[i] = batch(pool, b, threads, batch);
                ratio[i] = ra[i] / rb[i];
            }
            Progress.line("%-34s %-22s %8.1f /s | %-22s %8.1f /s | ratio %.2f", workload, a.name(),
                    Stats.of(ra).median(), b.name(), Stats.of(rb).median(), Stats.of(ratio).median());
            return new PairResult(workload, a.name(), b.name(), "containers/s", Stats.of(ra), Stats.of(rb),
                    Stats.of(ratio));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code batch} containers split over {@code threads} threads; returns containers per second. */
    private static double batch(ExecutorService pool, Contender c, int threads, int batch) throws Exception {
        int each = batch / threads;
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    c.action().run();
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return each * threads / seconds;
    }
}
