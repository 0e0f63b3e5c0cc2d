package org.priorkit.metrics;

import java.util.List;

/**
 * Detection metrics over a set of images; image {@code i} has predicted boxes (P_i, 4) with scores (P_i) and
 * true boxes (T_i, 4), all (x, y, w, h). Either may have no rows.
 *
 * <p><b>Matching</b> (both metrics): within an image, predictions are visited by descending score (ties by
 * lower index); each takes the still unmatched true box with the highest IoU (ties by lower index) if that
 * IoU passes the threshold, else it is a false positive. True boxes left unmatched are false negatives.
 */
public final class DetectionMap {

    /** RSNA IoU thresholds 0.40, 0.45, ..., 0.75, written out so that 0.5, 0.6 and 0.7 are the exact literals. */
    static final double[] RSNA_THRESHOLDS = {0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75};

    private DetectionMap() {}

    /**
     * The RSNA Pneumonia Detection Challenge metric. Per image and threshold t: a prediction matches when
     * {@code IoU > t} (strictly, as the challenge's evaluation page words it), and the image's precision at t
     * is {@code TP / (TP + FP + FN)}; the image score is the mean over the 8 thresholds and the result is the
     * mean over the counted images. An image with neither truth nor prediction is not counted; one with
     * predictions but no truth, or truth but no prediction, scores 0. With no counted image the result is
     * {@code NaN} (there is nothing to score).
     *
     * <p>The widely copied Kaggle kernel {@code map_iou} differs in two details: it tests {@code IoU >= t}
     * and loops over the true boxes, giving each the first (highest-scoring) free prediction that passes,
     * rather than letting each prediction pick its best true box. The two agree unless an IoU equals a
     * threshold or overlapping true boxes compete for one prediction.
     */
    public static double rsna(List<double[][]> predictedBoxes, List<double[]> predictedScores,
                              List<double[][]> truthBoxes) {
        checkImages(predictedBoxes, predictedScores, truthBoxes);
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < truthBoxes.size(); i++) {
            double score = rsnaImage(predictedBoxes.get(i), predictedScores.get(i), truthBoxes.get(i));
            if (!Double.isNaN(score)) {
                sum += score;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** One image's RSNA score (see {@link #rsna}); {@code NaN} when it has neither truth nor prediction. */
    public static double rsnaImage(double[][] predicted, double[] scores, double[][] truth) {
        checkImage(predicted, scores, truth, "DetectionMap.rsnaImage");
        if (predicted.length == 0 && truth.length == 0) {
            return Double.NaN;
        }
        int[] order = Ranking.descending(scores);
        double sum = 0;
        for (double t : RSNA_THRESHOLDS) {
            int tp = 0;
            for (boolean hit : match(predicted, order, truth, t, true)) {
                tp += hit ? 1 : 0;
            }
            int fp = predicted.length - tp;
            int fn = truth.length - tp;
            sum += (double) tp / (tp + fp + fn);
        }
        return sum / RSNA_THRESHOLDS.length;
    }

    /**
     * Average precision at {@code IoU >= 0.5} over all images (one class), VOC 2010+/COCO style with
     * all-point interpolation: pool every prediction, sort by descending score (ties by image, then index),
     * mark each TP or FP by the matching above, and sum over the TPs
     * {@code AP = sum_k (1 / T) max_{j >= k} precision_j} where T is the number of true boxes, i.e. the area
     * under the precision envelope. (COCO itself samples 101 recall points; this is the exact area.)
     * {@code NaN} when there is no true box at all; 0 when there are true boxes but no prediction.
     */
    public static double ap50(List<double[][]> predictedBoxes, List<double[]> predictedScores,
                              List<double[][]> truthBoxes) {
        RankedHits r = rankedHits(predictedBoxes, predictedScores, truthBoxes, 0.5);
        if (r.truths == 0) {
            return Double.NaN;
        }
        double ap = 0;
        double envelope = 0; // max precision at this rank or later
        double[] precision = r.precision();
        for (int k = r.hits.length - 1; k >= 0; k--) {
            envelope = Math.max(envelope, precision[k]);
            if (r.hits[k]) {
                ap += envelope / r.truths;
            }
        }
        return ap;
    }

    /**
     * MGCA's detection "mAP", named for what it is: COCO-style average precision (pycocotools' and
     * torchmetrics' {@code MeanAveragePrecision}: the precision envelope read at the 101 recall points
     * 0, 0.01, ..., 1, 0 past the last recall reached) at each IoU threshold 0.40, 0.45, ..., 0.75
     * ({@code IoU >= t}), averaged over the thresholds. Every prediction counts (COCO keeps at most 100 per
     * image; the kit's decoder keeps fewer). {@code NaN} when there is no true box at all.
     */
    public static double cocoMap(List<double[][]> predictedBoxes, List<double[]> predictedScores,
                                 List<double[][]> truthBoxes) {
        double sum = 0;
        for (double t : RSNA_THRESHOLDS) {
            RankedHits r = rankedHits(predictedBoxes, predictedScores, truthBoxes, t);
            if (r.truths == 0) {
                return Double.NaN;
            }
            double[] precision = r.precision();
            for (int k = precision.length - 2; k >= 0; k--) {
                precision[k] = Math.max(precision[k], precision[k + 1]);     // the envelope
            }
            double ap = 0;
            int k = 0;
            int tp = 0;                                                      // true positives up to rank k
            for (int point = 0; point <= 100; point++) {
                double recall = point / 100.0;
                while (k < r.hits.length && (tp + (r.hits[k] ? 1 : 0)) < recall * r.truths - 1e-12) {
                    tp += r.hits[k] ? 1 : 0;
                    k++;
                }
                ap += k < r.hits.length ? precision[k] : 0;                  // first rank reaching this recall
            }
            sum += ap / 101;
        }
        return sum / RSNA_THRESHOLDS.length;
    }

    /** Every prediction of every image, ranked by descending score (ties by image, then index), hit or not. */
    private record RankedHits(boolean[] hits, int truths) {
        double[] precision() {
            double[] p = new double[hits.length];
            int tp = 0;
            for (int k = 0; k < hits.length; k++) {
                tp += hits[k] ? 1 : 0;
                p[k] = (double) tp / (k + 1);
            }
            return p;
        }
    }

    private static RankedHits rankedHits(List<double[][]> predictedBoxes, List<double[]> predictedScores,
                                         List<double[][]> truthBoxes, double iou) {
        checkImages(predictedBoxes, predictedScores, truthBoxes);
        int truths = 0;
        int predictions = 0;
        for (int i = 0; i < truthBoxes.size(); i++) {
            truths += truthBoxes.get(i).length;
            predictions += predictedScores.get(i).length;
        }
        double[] allScores = new double[predictions];
        boolean[] allHits = new boolean[predictions];
        int n = 0; // image by image, each in score order: the global stable sort below then keeps image order
        for (int i = 0; i < truthBoxes.size(); i++) {
            double[] scores = predictedScores.get(i);
            int[] order = Ranking.descending(scores);
            boolean[] hits = match(predictedBoxes.get(i), order, truthBoxes.get(i), iou, false);
            for (int r = 0; r < order.length; r++, n++) {
                allScores[n] = scores[order[r]];
                allHits[n] = hits[r];
            }
        }
        int[] ranked = Ranking.descending(allScores);
        boolean[] hits = new boolean[predictions];
        for (int r = 0; r < predictions; r++) {
            hits[r] = allHits[ranked[r]];
        }
        return new RankedHits(hits, truths);
    }

    /**
     * Greedy matching of one image at one threshold; returns, for each prediction in {@code order}, whether it
     * is a true positive. {@code strict}: IoU must exceed the threshold, else reach it.
     */
    static boolean[] match(double[][] predicted, int[] order, double[][] truth, double threshold, boolean strict) {
        boolean[] taken = new boolean[truth.length];
        boolean[] hits = new boolean[order.length];
        for (int r = 0; r < order.length; r++) {
            int best = -1;
            double bestIou = -1;
            for (int t = 0; t < truth.length; t++) {
                if (!taken[t]) {
                    double iou = Boxes.iou(predicted[order[r]], truth[t]);
                    if (iou > bestIou) {
                        best = t;
                        bestIou = iou;
                    }
                }
            }
            if (best >= 0 && (strict ? bestIou > threshold : bestIou >= threshold)) {
                taken[best] = true;
                hits[r] = true;
            }
        }
        return hits;
    }

    private static void checkImages(List<double[][]> predictedBoxes, List<double[]> predictedScores,
                                    List<double[][]> truthBoxes) {
        Checks.sameLength(predictedBoxes.size(), truthBoxes.size(), "DetectionMap images predicted/truth");
        Checks.sameLength(predictedScores.size(), truthBoxes.size(), "DetectionMap images scores/truth");
        for (int i = 0; i < truthBoxes.size(); i++) {
            checkImage(predictedBoxes.get(i), predictedScores.get(i), truthBoxes.get(i), "DetectionMap image " + i);
        }
    }

    private static void checkImage(double[][] predicted, double[] scores, double[][] truth, String what) {
        Checks.sameLength(predicted.length, scores.length, what + " boxes/scores");
        Checks.finite(scores, what + " scores");
        for (double[] box : predicted) {
            Checks.box(box, what + " predicted");
        }
        for (double[] box : truth) {
            Checks.box(box, what + " truth");
        }
    }
}
