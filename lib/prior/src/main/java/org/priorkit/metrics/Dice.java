package org.priorkit.metrics;

/**
 * Dice coefficient of binary masks (flattened pixels): {@code Dice = 2 |P ∩ T| / (|P| + |T|)}, defined as 1
 * when both masks are empty (a correct "nothing here", as in the SIIM pneumothorax challenge).
 */
public final class Dice {

    private Dice() {}

    /** Dice of one image's predicted and true mask. */
    public static double of(boolean[] predicted, boolean[] truth) {
        Checks.sameLength(predicted.length, truth.length, "Dice predicted/truth");
        long both = 0;
        long sizes = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && truth[i]) {
                both++;
            }
            sizes += (predicted[i] ? 1 : 0) + (truth[i] ? 1 : 0);
        }
        return sizes == 0 ? 1.0 : 2.0 * both / sizes;
    }

    /** Mean over images of the per-image {@link #of Dice} (not the Dice of all pixels pooled). */
    public static double mean(boolean[][] predicted, boolean[][] truth) {
        Checks.sameLength(predicted.length, truth.length, "Dice.mean images");
        Checks.nonEmpty(predicted.length, "Dice.mean");
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += of(predicted[i], truth[i]);
        }
        return sum / predicted.length;
    }
}
