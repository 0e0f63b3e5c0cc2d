package org.priorkit.data.split;

/**
 * Train / validation / test proportions, e.g. PRIOR's 6:2:2. Any positive scale works; they are
 * normalised to sum to one.
 */
public record SplitRatios(double train, double val, double test) {

    /** PRIOR's 6:2:2. */
    public static final SplitRatios PRIOR = new SplitRatios(6, 2, 2);

    public SplitRatios {
        if (!(train > 0) || val < 0 || test < 0 || !Double.isFinite(train + val + test)) {
            throw new IllegalArgumentException("ratios must be finite, train > 0, val and test >= 0;"
                    + " got " + train + ":" + val + ":" + test);
        }
    }

    double sum() {
        return train + val + test;
    }
}
