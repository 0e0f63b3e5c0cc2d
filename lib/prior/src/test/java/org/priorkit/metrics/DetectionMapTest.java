package org.priorkit.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionMapTest {

    private static final double[][] NONE = new double[0][];
    private static final double[] NO_SCORES = new double[0];

    /*
     * Worked RSNA example, thresholds t = 0.40 0.45 0.50 0.55 0.60 0.65 0.70 0.75.
     *
     * Image A: truth T1 (0,0,10,10), T2 (20,0,10,10); predictions by score
     *   P1 0.9 (0,0,10,6)   IoU with T1 = 60/100 = 0.6
     *   P2 0.8 (20,0,10,5)  IoU with T2 = 50/100 = 0.5
     *   P3 0.3 (50,50,5,5)  no overlap: always FP
     *   t 0.40, 0.45: P1->T1, P2->T2: TP 2, FP 1, FN 0 -> 2/3
     *   t 0.50, 0.55: P1->T1; P2 has IoU 0.5, not > 0.5: TP 1, FP 2, FN 1 -> 1/4
     *   t 0.60 .. 0.75: 0.6 is not > 0.6 either: TP 0, FP 3, FN 2 -> 0 (four thresholds)
     *   image A = (2/3 + 2/3 + 1/4 + 1/4 + 0 + 0 + 0 + 0) / 8 = (11/6) / 8 = 11/48
     *   (matching with IoU >= t, as the Kaggle kernel does, would give (3 * 2/3 + 2 * 1/4) / 8 = 15/48)
     *
     * Image B (overlapping truths, each prediction takes its best free truth):
     *   truth T1 (0,0,10,10), T2 (4,0,10,10)
     *   Q1 0.9 (3,0,10,10)  IoU T1 = 70/130 = 0.538, IoU T2 = 90/110 = 0.818 -> takes T2
     *   Q2 0.8 (0,0,10,10)  IoU T1 = 1 -> takes T1
     *   every t up to 0.75: TP 2, FP 0, FN 0 -> image B = 1
     *   (the Kaggle kernel's truth-first loop gives T1 to Q1 at t <= 0.50 and scores B 5/6)
     *
     * rsna([A, B]) = (11/48 + 1) / 2 = 59/96
     */
    private static final double[][] A_TRUTH = {{0, 0, 10, 10}, {20, 0, 10, 10}};
    private static final double[][] A_PRED = {{50, 50, 5, 5}, {0, 0, 10, 6}, {20, 0, 10, 5}}; // P3, P1, P2
    private static final double[] A_SCORES = {0.3, 0.9, 0.8};
    private static final double[][] B_TRUTH = {{0, 0, 10, 10}, {4, 0, 10, 10}};
    private static final double[][] B_PRED = {{3, 0, 10, 10}, {0, 0, 10, 10}};
    private static final double[] B_SCORES = {0.9, 0.8};

    @Test
    void rsnaWorkedExample() {
        assertEquals(11.0 / 48, DetectionMap.rsnaImage(A_PRED, A_SCORES, A_TRUTH), 1e-15);
        assertEquals(1.0, DetectionMap.rsnaImage(B_PRED, B_SCORES, B_TRUTH), 1e-15);
        assertEquals(59.0 / 96, DetectionMap.rsna(List.of(A_PRED, B_PRED), List.of(A_SCORES, B_SCORES),
                List.of(A_TRUTH, B_TRUTH)), 1e-15);
    }

    @Test
    void rsnaScoreOrderDecidesWhichDuplicateCounts() {
        // one truth, a perfect box scored low and a 0.7-IoU box scored high: the high one is matched while
        // 0.7 > t, the perfect one at t = 0.70, 0.75; either way TP 1, FP 1 -> 1/2 at every threshold
        double[][] truth = {{0, 0, 10, 10}};
        double[][] pred = {{0, 0, 10, 10}, {0, 0, 10, 7}};
        assertEquals(0.5, DetectionMap.rsnaImage(pred, new double[] {0.5, 0.9}, truth), 1e-15);
    }

    @Test
    void rsnaEdgeCases() {
        double[][] truth = {{0, 0, 10, 10}};
        double[][] pred = {{0, 0, 10, 10}};
        double[] score = {0.9};
        assertTrue(Double.isNaN(DetectionMap.rsnaImage(NONE, NO_SCORES, NONE)), "nothing to score");
        assertEquals(0.0, DetectionMap.rsnaImage(pred, score, NONE), 0, "predictions without truth");
        assertEquals(0.0, DetectionMap.rsnaImage(NONE, NO_SCORES, truth), 0, "truth without predictions");
        assertEquals(1.0, DetectionMap.rsnaImage(pred, score, truth), 0, "perfect");

        // an empty-empty image is not counted; a false-alarm image is counted as 0
        assertEquals(59.0 / 96, DetectionMap.rsna(List.of(A_PRED, NONE, B_PRED), List.of(A_SCORES, NO_SCORES,
                B_SCORES), List.of(A_TRUTH, NONE, B_TRUTH)), 1e-15);
        assertEquals((11.0 / 48 + 1 + 0) / 3, DetectionMap.rsna(List.of(A_PRED, B_PRED, pred),
                List.of(A_SCORES, B_SCORES, score), List.of(A_TRUTH, B_TRUTH, NONE)), 1e-15);
        assertEquals((11.0 / 48 + 0) / 2, DetectionMap.rsna(List.of(A_PRED, NONE),
                List.of(A_SCORES, NO_SCORES), List.of(A_TRUTH, truth)), 1e-15);
        assertTrue(Double.isNaN(DetectionMap.rsna(List.of(NONE, NONE), List.of(NO_SCORES, NO_SCORES),
                List.of(NONE, NONE))), "no counted image");
        assertTrue(Double.isNaN(DetectionMap.rsna(List.of(), List.of(), List.of())), "no image");
    }

    /*
     * AP50 worked example (3 true boxes; U2 is never found):
     *   image 1: truth T (0,0,10,10); a 0.9 (0,0,10,10) IoU 1 -> TP; b 0.85 same box -> FP (T taken)
     *   image 2: truth U1 (0,0,10,10), U2 (50,50,10,10); c 0.8 (0,0,10,5) IoU 0.5 >= 0.5 -> TP; d 0.6 -> FP
     *   ranked a b c d: TP/FP = 1 0 1 0, precision 1, 1/2, 2/3, 1/2, recall 1/3, 1/3, 2/3, 2/3
     *   AP = 1/3 * 1 + 1/3 * max(2/3, 1/2) = 5/9   (with IoU > 0.5, c would be FP and AP = 1/3)
     */
    private static final List<double[][]> EXAMPLE_PRED = List.of(
            new double[][] {{0, 0, 10, 10}, {0, 0, 10, 10}},
            new double[][] {{30, 30, 5, 5}, {0, 0, 10, 5}});
    private static final List<double[]> EXAMPLE_SCORES = List.of(new double[] {0.9, 0.85}, new double[] {0.6, 0.8});
    private static final List<double[][]> EXAMPLE_TRUTH = List.of(
            new double[][] {{0, 0, 10, 10}},
            new double[][] {{0, 0, 10, 10}, {50, 50, 10, 10}});

    @Test
    void ap50WorkedExample() {
        assertEquals(5.0 / 9, DetectionMap.ap50(EXAMPLE_PRED, EXAMPLE_SCORES, EXAMPLE_TRUTH), 1e-15);
    }

    /**
     * MGCA's COCO-style mAP on the same example. IoU thresholds 0.40, 0.45, 0.50 (c's IoU 0.5 passes):
     * recall 1/3, 1/3, 2/3, 2/3, envelope 1, 2/3, 2/3, 1/2; of the 101 recall points 0..0.33 read 1,
     * 0.34..0.66 read 2/3, 0.67..1 read 0: AP = (34 + 33 * 2/3) / 101 = 56/101. Thresholds 0.55..0.75 (c
     * fails): only recall 1/3 at precision 1: AP = 34/101. Mean over the 8: (3 * 56 + 5 * 34) / 808.
     */
    @Test
    void cocoMapWorkedExample() {
        assertEquals((3 * 56 + 5 * 34) / 808.0, DetectionMap.cocoMap(EXAMPLE_PRED, EXAMPLE_SCORES, EXAMPLE_TRUTH), 1e-15);
        double[][] box = {{0, 0, 10, 10}};
        assertEquals(1.0, DetectionMap.cocoMap(List.<double[][]>of(box), List.of(new double[] {0.5}),
                List.<double[][]>of(box)), 1e-15, "a perfect box reads precision 1 at all 101 points");
        assertTrue(Double.isNaN(DetectionMap.cocoMap(List.<double[][]>of(box), List.of(new double[] {0.5}),
                List.<double[][]>of(new double[0][]))), "no truth");
    }

    @Test
    void ap50UsesThePrecisionEnvelope() {
        // one image, 2 truths; ranked FP, TP, TP: precision 0, 1/2, 2/3, recall 0, 1/2, 1
        // AP = 1/2 * max(1/2, 2/3) + 1/2 * 2/3 = 2/3 (without the envelope it would be 7/12)
        double[][] truth = {{0, 0, 10, 10}, {20, 0, 10, 10}};
        double[][] pred = {{50, 50, 5, 5}, {0, 0, 10, 10}, {20, 0, 10, 10}};
        double[] scores = {0.9, 0.8, 0.7};
        assertEquals(2.0 / 3, DetectionMap.ap50(List.<double[][]>of(pred), List.of(scores), List.<double[][]>of(truth)), 1e-15);
    }

    @Test
    void ap50EdgeCases() {
        double[][] box = {{0, 0, 10, 10}};
        double[] score = {0.9};
        assertEquals(1.0, DetectionMap.ap50(List.of(box, NONE), List.of(score, NO_SCORES), List.of(box, NONE)), 0);
        assertEquals(0.0, DetectionMap.ap50(List.<double[][]>of(NONE), List.of(NO_SCORES), List.<double[][]>of(box)), 0, "no predictions");
        assertTrue(Double.isNaN(DetectionMap.ap50(List.<double[][]>of(box), List.of(score), List.<double[][]>of(NONE))), "no truth");
    }

    @Test
    void badInputIsRejected() {
        double[][] box = {{0, 0, 10, 10}};
        double[] score = {0.9};
        assertThrows(IllegalArgumentException.class,
                () -> DetectionMap.rsna(List.<double[][]>of(box), List.of(score), List.of(box, box)));
        assertThrows(IllegalArgumentException.class,
                () -> DetectionMap.rsna(List.<double[][]>of(box), List.of(new double[] {0.9, 0.8}), List.<double[][]>of(box)));
        assertThrows(IllegalArgumentException.class,
                () -> DetectionMap.ap50(List.<double[][]>of(new double[][] {{0, 0, 10}}), List.of(score), List.<double[][]>of(box)));
        assertThrows(IllegalArgumentException.class,
                () -> DetectionMap.ap50(List.<double[][]>of(box), List.of(new double[] {Double.NaN}), List.<double[][]>of(box)));
    }
}
