package org.priorkit.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoxesAndNmsTest {

    private static final double[] UNIT = {0, 0, 10, 10};

    @Test
    void iouByHand() {
        assertEquals(1.0, Boxes.iou(UNIT, UNIT), 0, "identical");
        assertEquals(0.0, Boxes.iou(UNIT, new double[] {30, 30, 5, 5}), 0, "disjoint");
        assertEquals(0.0, Boxes.iou(UNIT, new double[] {10, 0, 10, 10}), 0, "touching along an edge");
        assertEquals(0.0, Boxes.iou(UNIT, new double[] {10, 10, 3, 3}), 0, "touching at a corner");
        assertEquals(25.0 / 100, Boxes.iou(UNIT, new double[] {2, 2, 5, 5}), 0, "nested");
        assertEquals(1.0 / 7, Boxes.iou(new double[] {0, 0, 2, 2}, new double[] {1, 1, 2, 2}), 1e-15, "corner overlap");
        assertEquals(50.0 / 150, Boxes.iou(UNIT, new double[] {5, 0, 10, 10}), 1e-15, "half shifted");
        assertEquals(0.0, Boxes.iou(new double[] {1, 1, 0, 0}, new double[] {1, 1, 0, 0}), 0, "zero area");
    }

    @Test
    void nmsKeepsTheBestOfEachCluster() {
        double[][] boxes = {
                {0, 0, 10, 10},  // 0: 0.9
                {1, 0, 10, 10},  // 1: 0.8, IoU 90/110 with box 0 -> suppressed by 0
                {20, 0, 10, 10}, // 2: 0.7, disjoint -> kept
                {0, 0, 10, 10},  // 3: 0.9, tie with 0 and identical: 0 comes first, 3 suppressed
                {5, 0, 10, 10},  // 4: 0.95, IoU 1/3 with 0 and 60/140 with 1 -> kept first
        };
        double[] scores = {0.9, 0.8, 0.7, 0.9, 0.95};
        assertArrayEquals(new int[] {4, 0, 2}, Nms.apply(boxes, scores, 0.5));
        // IoU exactly at the threshold is kept (suppression needs IoU > threshold): 4 and 0 overlap by 1/3
        assertArrayEquals(new int[] {4, 0, 2}, Nms.apply(boxes, scores, 1.0 / 3));
        assertArrayEquals(new int[] {4, 2}, Nms.apply(boxes, scores, 0.3));
        assertArrayEquals(new int[] {4, 0, 3, 1, 2}, Nms.apply(boxes, scores, 1.0), "nothing exceeds IoU 1");
    }

    @Test
    void nmsTiesKeepIndexOrder() {
        double[][] boxes = {{0, 0, 1, 1}, {5, 5, 1, 1}, {9, 9, 1, 1}};
        assertArrayEquals(new int[] {0, 1, 2}, Nms.apply(boxes, new double[] {0.5, 0.5, 0.5}, 0.5));
        assertArrayEquals(new int[] {2, 0, 1}, Nms.apply(boxes, new double[] {0.5, 0.5, 0.7}, 0.5));
        assertArrayEquals(new int[0], Nms.apply(new double[0][], new double[0], 0.5));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Boxes.iou(new double[] {0, 0, 1}, UNIT));
        assertThrows(IllegalArgumentException.class, () -> Boxes.iou(new double[] {0, 0, -1, 1}, UNIT));
        assertThrows(IllegalArgumentException.class, () -> Boxes.iou(new double[] {0, Double.NaN, 1, 1}, UNIT));
        assertThrows(IllegalArgumentException.class, () -> Nms.apply(new double[][] {UNIT}, new double[2], 0.5));
    }
}
