package org.priorkit.nn;

import ai.djl.ndarray.NDArray;

/** Summary statistics of a weight tensor, for the tests that check how weights start. */
public final class WeightStats {

    private WeightStats() {}

    /** Population standard deviation of every value. */
    public static double std(NDArray a) {
        float[] v = a.toFloatArray();
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += x * x;
        }
        double mean = s / v.length;
        return Math.sqrt(s2 / v.length - mean * mean);
    }

    /** Largest absolute value. */
    public static double maxAbs(NDArray a) {
        double m = 0;
        for (float x : a.toFloatArray()) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
