package io.sixcontainer.examples.cli;

import java.time.Duration;
import java.time.Instant;

/** Docker's human-readable times: "3 seconds ago", "About a minute ago", "2 hours ago". */
final class Durations {

    private Durations() {
    }

    static String ago(Instant then) {
        return human(Duration.between(then, Instant.now())) + " ago";
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 1) {
            return "Less than a second";
        }
        if (s < 60) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = s / 60;
        if (m == 1) {
            return "About a minute";
        }
        if (m < 60) {
            return m + " minutes";
        }
        long h = m / 60;
        if (h == 1) {
            return "About an hour";
        }
        if (h < 48) {
            return h + " hours";
        }
        return (h / 24) + " days";
    }
}
