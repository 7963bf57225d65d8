package io.sixcontainer;

import java.time.Instant;

/**
 * Which log entries to read.
 *
 * @param stdout include stdout
 * @param stderr include stderr
 * @param since  only entries at or after this time, or null for all
 * @param tail   only the last this many entries (after the other filters), or -1 for all
 */
public record LogQuery(boolean stdout, boolean stderr, Instant since, int tail) {

    /** Every entry of both streams. */
    public static LogQuery all() {
        return new LogQuery(true, true, null, -1);
    }

    /** This query limited to the last {@code n} entries. */
    public LogQuery tail(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("tail must be >= 0: " + n);
        }
        return new LogQuery(stdout, stderr, since, n);
    }

    /** This query limited to entries at or after {@code time}. */
    public LogQuery since(Instant time) {
        return new LogQuery(stdout, stderr, time, tail);
    }

    /** This query limited to one stream. */
    public LogQuery onlyStderr(boolean stderrOnly) {
        return new LogQuery(!stderrOnly, stderrOnly, since, tail);
    }
}
