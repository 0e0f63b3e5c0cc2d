package org.priorkit.metrics;

/**
 * Confusion matrix {@code m[t][p]} = number of samples of true class {@code t} predicted as {@code p} (rows
 * truth, columns predicted), as scikit-learn's {@code confusion_matrix(truth, predicted, labels=range(C))}.
 */
public final class ConfusionMatrix {

    private ConfusionMatrix() {}

    /** The (classes, classes) matrix; every class index must lie in [0, classes). */
    public static long[][] of(int[] predicted, int[] truth, int classes) {
        Checks.sameLength(predicted.length, truth.length, "ConfusionMatrix predicted/truth");
        Checks.classes(predicted, classes, "ConfusionMatrix predicted");
        Checks.classes(truth, classes, "ConfusionMatrix truth");
        long[][] m = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return m;
    }
}
