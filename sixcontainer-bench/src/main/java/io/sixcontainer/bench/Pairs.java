package io.sixcontainer.bench;

/**
 * Runs two contenders alternately, A B A B ..., after a warm-up of both, so that drift in
 * the machine's load hits both sides equally; the ratio is taken round by round.
 */
final class Pairs {

    private Pairs() {
    }

    static PairResult latency(String workload, Contender a, Contender b, int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup; i++) {
            a.timeMillis();
            b.timeMillis();
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ta[i] = a.timeMillis();
            tb[i] = b.timeMillis();
            ratio[i] = ta[i] / tb[i];
        }
        Progress.line("%-34s %-22s %8.2f ms | %-22s %8.2f ms | ratio %.2f", workload, a.name(),
                Stats.of(ta).median(), b.name(), Stats.of(tb).median(), Stats.of(ratio).median());
        return new PairResult(workload, a.name(), b.name(), "ms", Stats.of(ta), Stats.of(tb), Stats.of(ratio));
    }
}
