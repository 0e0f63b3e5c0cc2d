package org.priorkit.tasks.detection;

import org.priorkit.data.image.GrayImage;

import java.util.List;

/**
 * What a detection run measured.
 *
 * @param config         the settings it ran with
 * @param imageSize      the input side actually used
 * @param rsnaMap        RSNA challenge score (Kaggle's "mAP") on the test split (mean over IoU 0.40..0.75 of TP/(TP+FP+FN)),
 *                       boxes scoring below {@code scoreThreshold} dropped
 * @param ap50           average precision at IoU 0.5 over the test split (area under the precision
 *                       envelope), all decoded boxes
 * @param cocoMap        MGCA's "mAP": COCO-style average precision (101 recall points) averaged over IoU
 *                       0.40..0.75, all decoded boxes ({@link org.priorkit.metrics.DetectionMap#cocoMap})
 * @param scoreThreshold the threshold used for the RSNA metric (tuned on val, or the config's)
 * @param valRsnaMap     RSNA metric on the validation split at that threshold (NaN without val images)
 * @param testIds        test patient ids
 * @param examples       the first few test images with true and predicted boxes
 * @param trainImages    images trained on (after the fraction)
 * @param losses         training loss per step
 * @param trainSeconds   wall time of training
 * @param seconds        wall time of the whole run
 */
public record DetectionResult(DetectionConfig config, int imageSize, double rsnaMap, double ap50, double cocoMap,
                              double scoreThreshold,
                              double valRsnaMap, List<String> testIds, List<Example> examples, int trainImages,
                              List<Float> losses, double trainSeconds, double seconds) {

    /**
     * One test image for a figure; boxes are (x, y, w, h) in pixels of {@code image}.
     *
     * @param id        patient id
     * @param image     the input as seen by the model, back in [0, 1]
     * @param truth     true boxes
     * @param predicted predicted boxes at or above the score threshold, by descending score
     * @param scores    their scores
     */
    public record Example(String id, GrayImage image, double[][] truth, double[][] predicted, double[] scores) {}

    /** One line for a terminal or a results table. */
    public String summary() {
        return String.format("detection %s %s: RSNA challenge score %.4f (threshold %.2f), COCO AP .40-.75 %.4f,"
                        + " AP50 %.4f on %d test images (%d train%s, %d px, %d steps, %.1f s)", config.mode().label(),
                config.fraction().label(), rsnaMap, scoreThreshold, cocoMap, ap50, testIds.size(), trainImages,
                config.flip() ? " mirrored at random" : "", imageSize, config.steps(), seconds);
    }
}
