package org.priorkit.metrics;

/**
 * Macro-averaged precision, recall and F1 over the classes {@code 0..C-1}, as scikit-learn's
 * {@code precision_recall_fscore_support(truth, predicted, labels=range(C), average='macro',
 * zero_division=0)}. Per class c: {@code P_c = TP/(TP+FP)}, {@code R_c = TP/(TP+FN)},
 * {@code F1_c = 2 P_c R_c / (P_c + R_c)}, each 0 when its denominator is 0; the result is the plain mean of
 * each over all C classes (so a class absent from both truth and prediction contributes 0 to all three;
 * macro F1 is the mean of the F1_c, not the F1 of the mean P and R).
 */
public final class PrecisionRecallF1 {

    private PrecisionRecallF1() {}

    public static Prf macro(int[] predicted, int[] truth, int classes) {
        Checks.nonEmpty(predicted.length, "PrecisionRecallF1.macro");
        long[][] m = ConfusionMatrix.of(predicted, truth, classes);
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c = 0; c < classes; c++) {
            long tp = m[c][c];
            long predictedC = 0; // TP + FP: column sum
            long trueC = 0; // TP + FN: row sum
            for (int k = 0; k < classes; k++) {
                predictedC += m[k][c];
                trueC += m[c][k];
            }
            double p = predictedC == 0 ? 0 : (double) tp / predictedC;
            double r = trueC == 0 ? 0 : (double) tp / trueC;
            precision += p;
            recall += r;
            f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return new Prf(precision / classes, recall / classes, f1 / classes);
    }
}
