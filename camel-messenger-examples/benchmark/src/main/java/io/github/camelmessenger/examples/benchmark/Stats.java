package io.github.camelmessenger.examples.benchmark;

import java.util.Arrays;

/** The median: what a benchmark on shared cores reports, not its best round. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
