package org.priorkit.metrics;

/**
 * Area under the ROC curve, as scikit-learn's {@code roc_auc_score}: the trapezoid rule over the ROC points
 * of {@link Roc#curve}, so tied scores count one half,
 * {@code AUROC = sum_i (fp_i - fp_{i-1}) (tp_i + tp_{i-1}) / 2 / (P N)} over the distinct thresholds.
 * Equivalently the probability that a random positive outscores a random negative, ties counting 1/2.
 * Undefined ({@code NaN}) when the labels hold only one class (scikit-learn raises an error there).
 */
public final class Auroc {

    private Auroc() {}

    /** AUROC of {@code scores} against 0/1 {@code labels}; {@code NaN} when only one class is present. */
    public static double binary(double[] scores, int[] labels) {
        Checks.sameLength(scores.length, labels.length, "Auroc.binary scores/labels");
        Checks.nonEmpty(scores.length, "Auroc.binary");
        Checks.binary(labels, "Auroc.binary");
        Checks.finite(scores, "Auroc.binary scores");
        Roc.Counts c = Roc.Counts.of(scores, labels);
        int m = c.tp().length;
        long positives = c.tp()[m - 1];
        long negatives = c.fp()[m - 1];
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double twiceArea = 0; // exact in integers up to 2^53
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < m; i++) {
            twiceArea += (double) (c.fp()[i] - fp) * (c.tp()[i] + tp);
            tp = c.tp()[i];
            fp = c.fp()[i];
        }
        return twiceArea / 2 / ((double) positives * negatives);
    }

    /** One-vs-rest AUROC of each column of {@code scores} (N, C) against the 0/1 {@code labels} (N, C). */
    public static double[] perClass(double[][] scores, int[][] labels) {
        Checks.sameLength(scores.length, labels.length, "Auroc.perClass rows");
        Checks.nonEmpty(scores.length, "Auroc.perClass");
        int classes = scores[0].length;
        double[] auroc = new double[classes];
        for (int c = 0; c < classes; c++) {
            double[] s = new double[scores.length];
            int[] y = new int[scores.length];
            for (int n = 0; n < scores.length; n++) {
                Checks.sameLength(scores[n].length, classes, "Auroc.perClass scores row " + n);
                Checks.sameLength(labels[n].length, classes, "Auroc.perClass labels row " + n);
                s[n] = scores[n][c];
                y[n] = labels[n][c];
            }
            auroc[c] = binary(s, y);
        }
        return auroc;
    }

    /** Mean of the defined (non-NaN) per-class values; {@code NaN} when none is defined. */
    public static double macro(double[] perClass) {
        double sum = 0;
        int defined = 0;
        for (double v : perClass) {
            if (!Double.isNaN(v)) {
                sum += v;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }
}
