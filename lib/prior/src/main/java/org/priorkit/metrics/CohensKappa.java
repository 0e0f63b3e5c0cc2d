package org.priorkit.metrics;

/**
 * Cohen's kappa, as scikit-learn's {@code cohen_kappa_score(truth, predicted, labels=range(C))}:
 * {@code kappa = (p_o - p_e) / (1 - p_e)} with observed agreement {@code p_o = sum_c m[c][c] / N} and chance
 * agreement {@code p_e = sum_c (row_c / N)(col_c / N)} from the {@link ConfusionMatrix}. {@code NaN} when
 * {@code p_e = 1} (both raters always give the same single class), where scikit-learn also returns nan.
 */
public final class CohensKappa {

    private CohensKappa() {}

    public static double of(int[] predicted, int[] truth, int classes) {
        Checks.nonEmpty(predicted.length, "CohensKappa");
        long[][] m = ConfusionMatrix.of(predicted, truth, classes);
        double n = predicted.length;
        double observedDisagreement = 0; // 1 - p_o, written as scikit-learn does: sum of off-diagonal / N
        double expectedDisagreement = 0; // 1 - p_e
        long[] rows = new long[classes];
        long[] cols = new long[classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                rows[t] += m[t][p];
                cols[p] += m[t][p];
            }
        }
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (t != p) {
                    observedDisagreement += m[t][p];
                    expectedDisagreement += (double) cols[p] * rows[t] / n;
                }
            }
        }
        if (expectedDisagreement == 0) {
            return Double.NaN;
        }
        return 1 - observedDisagreement / expectedDisagreement;
    }
}
