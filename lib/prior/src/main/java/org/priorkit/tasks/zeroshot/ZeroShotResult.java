package org.priorkit.tasks.zeroshot;

import java.util.List;

/**
 * Zero-shot classification of the 5x200 set.
 *
 * @param classes            class names (order of every per-class array and of the confusion matrix)
 * @param model              where the weights came from
 * @param images             (N) image paths as written in the 5x200 JSON
 * @param truth              (N) true class index
 * @param predicted          (N) argmax of the combined score
 * @param scores             (N, C) combined scores softmax(global) + w softmax(local)
 * @param globalSimilarity   (N, C) cosine of image global and class report features
 * @param localSimilarity    (N, C) mean sigmoid attention weight of the prompt sentences over the image's regions
 * @param globalScale        the model's learned global logit scale used in the softmax
 * @param localScale         the scale in the local softmax: 1, as the official code
 * @param localWeight        weight of the local term
 * @param accuracy           fraction predicted right
 * @param macroPrecision     macro precision
 * @param macroRecall        macro recall
 * @param macroF1            macro F1
 * @param kappa              Cohen's kappa
 * @param confusion          (C, C) counts, rows truth, columns predicted
 * @param globalOnlyAccuracy accuracy of the global term alone (localWeight 0), for the ablation
 * @param localOnlyAccuracy  accuracy of the local term alone
 * @param seconds            wall time
 */
public record ZeroShotResult(List<String> classes, String model, List<String> images, int[] truth, int[] predicted,
                             double[][] scores, double[][] globalSimilarity, double[][] localSimilarity,
                             double globalScale, double localScale, double localWeight, double accuracy,
                             double macroPrecision, double macroRecall, double macroF1, double kappa,
                             long[][] confusion, double globalOnlyAccuracy, double localOnlyAccuracy,
                             double seconds) {

    /** A few lines for a terminal: the numbers and the confusion matrix with class names. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(
                "zero-shot 5x200 (%s): accuracy %.4f, macro P %.4f R %.4f F1 %.4f, kappa %.4f "
                        + "(global only %.4f, local only %.4f; %d images, %.1f s)%n",
                model, accuracy, macroPrecision, macroRecall, macroF1, kappa, globalOnlyAccuracy, localOnlyAccuracy,
                truth.length, seconds));
        sb.append(String.format("%-18s", "truth \\ predicted"));
        classes.forEach(c -> sb.append(String.format(" %8.8s", c)));
        sb.append(System.lineSeparator());
        for (int t = 0; t < classes.size(); t++) {
            sb.append(String.format("%-18s", classes.get(t)));
            for (long v : confusion[t]) {
                sb.append(String.format(" %8d", v));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
