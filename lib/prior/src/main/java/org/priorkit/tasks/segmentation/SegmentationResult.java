package org.priorkit.tasks.segmentation;

import org.priorkit.data.image.GrayImage;

import java.util.List;

/**
 * What a segmentation run measured.
 *
 * @param config        the settings it ran with
 * @param imageSize     the input side actually used
 * @param dice          mean Dice over the test images (threshold {@code config.threshold()})
 * @param perImageDice  Dice of each test image, in {@code testIds} order
 * @param testIds       test image ids
 * @param examples      the first few test images with truth and prediction, for overlays
 * @param trainImages   images trained on (after the fraction)
 * @param losses        training loss per step
 * @param trainSeconds  wall time of training
 * @param seconds       wall time of the whole run (data, training, evaluation)
 */
public record SegmentationResult(SegmentationConfig config, int imageSize, double dice, double[] perImageDice,
                                 List<String> testIds, List<Example> examples, int trainImages, List<Float> losses,
                                 double trainSeconds, double seconds) {

    /**
     * One test image for an overlay.
     *
     * @param id        image id
     * @param image     the input as seen by the model, back in [0, 1]
     * @param truth     true mask, row-major H*W
     * @param predicted predicted mask, row-major H*W
     * @param dice      this image's Dice
     */
    public record Example(String id, GrayImage image, boolean[] truth, boolean[] predicted, double dice) {}

    /** One line for a terminal or a results table. */
    public String summary() {
        return String.format("segmentation %s %s %s: Dice %.4f on %d test images (%d train, %d px, %d steps, %.1f s)",
                config.dataset().name().toLowerCase(java.util.Locale.ROOT), config.mode().label(),
                config.fraction().label(), dice, perImageDice.length, trainImages, imageSize, config.steps(),
                seconds);
    }
}
