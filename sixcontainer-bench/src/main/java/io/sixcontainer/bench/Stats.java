package io.sixcontainer.bench;

import java.util.Arrays;

/** Median and spread of one series of measurements (any unit; the caller names it). */
record Stats(double median, double min, double max, int n) {

    static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        double median = s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
        return new Stats(median, s[0], s[s.length - 1], s.length);
    }
}
