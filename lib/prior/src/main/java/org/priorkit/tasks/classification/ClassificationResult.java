package org.priorkit.tasks.classification;

import java.util.List;

/**
 * What a classification run measured on its test set, and what a notebook needs to draw ROC curves.
 *
 * @param dataset          "CHEXPERT" or "RSNA"
 * @param mode             "LINEAR_PROBE" or "FINE_TUNE"
 * @param fraction         share of the training labels used
 * @param model            where the weights came from ("random-init" or a checkpoint file)
 * @param classes          class names, in the order of every per-class array
 * @param perClassAuroc    (C) test AUROC per class (NaN when the test set lacks positives or negatives)
 * @param macroAuroc       mean of the defined per-class AUROCs (the headline number)
 * @param perClassAccuracy (C) test accuracy per class at probability 0.5
 * @param accuracy         mean of the per-class accuracies (for RSNA: the binary accuracy)
 * @param valMacroAuroc    the same macro AUROC on the validation split (NaN without one)
 * @param trainSize        training images actually used (after the fraction)
 * @param trainPositives   (C) positives among them
 * @param valSize          validation images
 * @param testSize         test images
 * @param epochsRun        epochs trained
 * @param bestEpoch        epoch whose weights were kept
 * @param seconds          wall time of the run, feature extraction and model loading included
 * @param testIds          (N) test image ids
 * @param testScores       (N, C) test probabilities
 * @param testLabels       (N, C) test targets
 */
public record ClassificationResult(String dataset, String mode, double fraction, String model, List<String> classes,
                                   double[] perClassAuroc, double macroAuroc, double[] perClassAccuracy,
                                   double accuracy, double valMacroAuroc, int trainSize, int[] trainPositives,
                                   int valSize, int testSize, int epochsRun, int bestEpoch, double seconds,
                                   List<String> testIds, double[][] testScores, int[][] testLabels) {

    /** One line for a terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format("%s %s %.0f%% (%s): macro AUROC %.4f, accuracy %.4f [",
                dataset, mode, fraction * 100, model, macroAuroc, accuracy));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(c == 0 ? "" : ", ").append(classes.get(c)).append(String.format(" %.3f", perClassAuroc[c]));
        }
        return sb.append(String.format("] train %d, val %d, test %d, %d epochs (best %d), %.1f s",
                trainSize, valSize, testSize, epochsRun, bestEpoch, seconds)).toString();
    }
}
