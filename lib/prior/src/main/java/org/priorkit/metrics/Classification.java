package org.priorkit.metrics;

/** Accuracy = (number of i with predicted[i] == truth[i]) / N, as scikit-learn's {@code accuracy_score}. */
public final class Classification {

    private Classification() {}

    /** Fraction of positions where the predicted class equals the true class; empty input is an error. */
    public static double accuracy(int[] predicted, int[] truth) {
        Checks.sameLength(predicted.length, truth.length, "Classification.accuracy predicted/truth");
        Checks.nonEmpty(predicted.length, "Classification.accuracy");
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }
}
