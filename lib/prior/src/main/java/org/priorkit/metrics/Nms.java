package org.priorkit.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy non-maximum suppression: visit the boxes by descending score (ties by lower index), keep a box
 * unless it overlaps an already kept box with {@code IoU > iouThreshold} (as torchvision's {@code nms}).
 */
public final class Nms {

    private Nms() {}

    /**
     * @param boxes (N, 4) boxes (x, y, w, h)
     * @param scores (N)
     * @return the kept indices, by descending score
     */
    public static int[] apply(double[][] boxes, double[] scores, double iouThreshold) {
        Checks.sameLength(boxes.length, scores.length, "Nms boxes/scores");
        Checks.finite(scores, "Nms scores");
        for (double[] box : boxes) {
            Checks.box(box, "Nms");
        }
        if (Double.isNaN(iouThreshold)) {
            throw new IllegalArgumentException("Nms: iouThreshold is NaN");
        }
        List<Integer> kept = new ArrayList<>();
        for (int i : Ranking.descending(scores)) {
            boolean suppressed = false;
            for (int k : kept) {
                if (Boxes.iou(boxes[i], boxes[k]) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
