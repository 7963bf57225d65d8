package io.sixcontainer.bench;

/**
 * Two contenders measured alternately: the statistics of each, and of the ratio a/b taken
 * within each round (both halves of a round ran back to back under the same machine load).
 */
record PairResult(String workload, String a, String b, String unit, Stats aStats, Stats bStats, Stats ratio) {
}
