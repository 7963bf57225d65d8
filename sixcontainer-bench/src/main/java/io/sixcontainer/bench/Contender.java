package io.sixcontainer.bench;

/** One way of doing the measured work (e.g. "launch /bin/true through crun"), run once per call. */
record Contender(String name, Action action) {

    /** The work itself; it must fail loudly (throw) rather than return early. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs the action once and returns its wall time in milliseconds. */
    double timeMillis() throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e6;
    }
}
