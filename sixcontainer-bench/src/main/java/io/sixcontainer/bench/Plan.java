package io.sixcontainer.bench;

/** How many rounds each kind of workload gets. */
record Plan(String name, int warmup, int rounds, int cliWarmup, int cliRounds, int batch, int throughputRounds,
            int memorySamples, int handles, int coldStarts) {

    /** Enough for a stable median on a 2-core machine in a few minutes. */
    static final Plan FULL = new Plan("full", 30, 200, 3, 25, 60, 7, 5, 50, 5);

    /** A smoke test of the harness itself; its figures mean nothing. */
    static final Plan QUICK = new Plan("quick", 2, 5, 1, 2, 6, 2, 2, 5, 1);
}
