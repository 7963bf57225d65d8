package io.sixcontainer.bench;

/** How many rounds each kind of workload gets. */
record Plan(String name, int jitWarmup, int warmup, int rounds, int cliWarmup, int cliRounds, int batch,
            int throughputRounds, int memorySamples, int handles, int coldStarts) {

    /**
     * Enough for a stable median on a 2-core machine in a few minutes. The benchmark JVM's
     * launch path is JIT-compiled by some hundreds of launches (the median falls by a third
     * over the first 500 here), hence the untimed launches before the first pair.
     */
    static final Plan FULL = new Plan("full", 500, 30, 200, 3, 25, 60, 7, 5, 50, 5);

    /** A smoke test of the harness itself; its figures mean nothing. */
    static final Plan QUICK = new Plan("quick", 2, 2, 5, 1, 2, 6, 2, 2, 5, 1);
}
