package org.priorkit.metrics;

import java.util.Arrays;

/**
 * The ROC curve of a binary scorer: point {@code i} is (fpr[i], tpr[i]) when everything scoring
 * {@code >= thresholds[i]} is called positive.
 *
 * <p>{@link #curve} matches scikit-learn's {@code roc_curve(labels, scores, drop_intermediate=False)}: one
 * point per distinct score, in decreasing order, after a first point (0, 0) at threshold
 * {@code +Infinity} (scikit-learn >= 1.3 writes {@code inf} there; 1.2 wrote {@code max(scores) + 1}).
 * Collinear points are kept. When all labels are 1 the fpr is {@code NaN}, when all are 0 the tpr is
 * {@code NaN} (scikit-learn does the same, with a warning).
 */
public record Roc(double[] fpr, double[] tpr, double[] thresholds) {

    public Roc {
        Checks.sameLength(fpr.length, tpr.length, "Roc fpr/tpr");
        Checks.sameLength(fpr.length, thresholds.length, "Roc fpr/thresholds");
    }

    /** The ROC curve of {@code scores} against 0/1 {@code labels}. */
    public static Roc curve(double[] scores, int[] labels) {
        Checks.sameLength(scores.length, labels.length, "Roc.curve scores/labels");
        Checks.nonEmpty(scores.length, "Roc.curve");
        Checks.binary(labels, "Roc.curve");
        Checks.finite(scores, "Roc.curve scores");
        Counts c = Counts.of(scores, labels);
        int m = c.tp.length;
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] thresholds = new double[m + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        double negatives = c.fp[m - 1];
        double positives = c.tp[m - 1];
        for (int i = 0; i < m; i++) {
            fpr[i + 1] = negatives > 0 ? c.fp[i] / negatives : Double.NaN;
            tpr[i + 1] = positives > 0 ? c.tp[i] / positives : Double.NaN;
            thresholds[i + 1] = c.thresholds[i];
        }
        fpr[0] = negatives > 0 ? 0 : Double.NaN;
        tpr[0] = positives > 0 ? 0 : Double.NaN;
        return new Roc(fpr, tpr, thresholds);
    }

    /**
     * Cumulative true and false positive counts at each distinct score, in decreasing score order
     * (ties share one point, so a tie block is one diagonal step of the curve).
     */
    record Counts(long[] tp, long[] fp, double[] thresholds) {

        static Counts of(double[] scores, int[] labels) {
            int[] order = Ranking.descending(scores);
            long[] tp = new long[scores.length];
            long[] fp = new long[scores.length];
            double[] thresholds = new double[scores.length];
            int m = 0;
            long t = 0;
            long f = 0;
            for (int i = 0; i < order.length; i++) {
                if (labels[order[i]] == 1) {
                    t++;
                } else {
                    f++;
                }
                boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
                if (lastOfTie) {
                    tp[m] = t;
                    fp[m] = f;
                    thresholds[m] = scores[order[i]];
                    m++;
                }
            }
            return new Counts(Arrays.copyOf(tp, m), Arrays.copyOf(fp, m),
                    Arrays.copyOf(thresholds, m));
        }
    }
}
