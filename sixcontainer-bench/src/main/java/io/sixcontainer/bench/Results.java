package io.sixcontainer.bench;

import java.util.ArrayList;
import java.util.List;

/** Everything one run measured, in the order the report shows it. */
final class Results {

    final List<PairResult> latency = new ArrayList<>();
    final List<PairResult> exec = new ArrayList<>();
    final List<PairResult> throughput = new ArrayList<>();
    final List<PairResult> cli = new ArrayList<>();
    final List<MemoryProbe.Figure> memory = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    ColdStart.Result coldStart;
    String machine = "";
    String loadBefore = "";
    String loadAfter = "";
}
