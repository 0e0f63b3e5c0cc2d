package org.priorkit.metrics;

import java.util.Arrays;

/** The one ranking rule of the package: descending score, ties by lower index (a stable sort). */
final class Ranking {

    private Ranking() {}

    static int[] descending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a])); // Arrays.sort on objects is stable
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
