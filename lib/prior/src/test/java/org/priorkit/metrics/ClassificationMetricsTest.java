package org.priorkit.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed classification metrics, undefined cases and bad input. */
class ClassificationMetricsTest {

    @Test
    void aurocCountsTiesAsOneHalf() {
        // positives {0.8, 0.5}, negatives {0.5, 0.2}: pairs (0.8>0.5) 1, (0.8>0.2) 1, (0.5=0.5) 1/2, (0.5>0.2) 1
        double auroc = Auroc.binary(new double[] {0.8, 0.5, 0.5, 0.2}, new int[] {1, 1, 0, 0});
        assertEquals(3.5 / 4, auroc, 0);
    }

    @Test
    void rocCurveByHand() {
        Roc roc = Roc.curve(new double[] {0.8, 0.5, 0.5, 0.2}, new int[] {1, 1, 0, 0});
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), 0);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.tpr(), 0);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.5, 0.2}, roc.thresholds(), 0);
    }

    @Test
    void aurocIsUndefinedWithOneClassAndMacroSkipsIt() {
        assertTrue(Double.isNaN(Auroc.binary(new double[] {0.1, 0.9}, new int[] {1, 1})));
        double[] perClass = Auroc.perClass(
                new double[][] {{0.9, 0.1}, {0.2, 0.7}, {0.4, 0.3}},
                new int[][] {{1, 0}, {0, 0}, {0, 0}});
        assertEquals(1.0, perClass[0], 0);
        assertTrue(Double.isNaN(perClass[1]));
        assertEquals(1.0, Auroc.macro(perClass), 0);
        assertTrue(Double.isNaN(Auroc.macro(new double[] {Double.NaN})));
    }

    @Test
    void precisionRecallF1ByHandWithZeroDivision() {
        // truth 0 0 1 1, predicted 0 1 1 1, classes 3 (class 2 absent everywhere)
        // class 0: P 1/1, R 1/2, F1 2/3; class 1: P 2/3, R 2/2, F1 0.8; class 2: 0, 0, 0
        Prf prf = PrecisionRecallF1.macro(new int[] {0, 1, 1, 1}, new int[] {0, 0, 1, 1}, 3);
        assertEquals((1 + 2.0 / 3) / 3, prf.precision(), 1e-15);
        assertEquals((0.5 + 1) / 3, prf.recall(), 1e-15);
        assertEquals((2.0 / 3 + 0.8) / 3, prf.f1(), 1e-15);
    }

    @Test
    void kappaByHand() {
        // m = [[1, 1], [0, 2]]: p_o = 3/4, rows (2, 2), cols (1, 3): p_e = (2*1 + 2*3) / 16 = 1/2
        assertEquals(0.5, CohensKappa.of(new int[] {0, 1, 1, 1}, new int[] {0, 0, 1, 1}, 2), 1e-15);
        assertEquals(1.0, CohensKappa.of(new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3), 1e-15);
        assertTrue(Double.isNaN(CohensKappa.of(new int[] {1, 1}, new int[] {1, 1}, 2)), "p_e = 1");
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Auroc.binary(new double[] {0.1}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Auroc.binary(new double[] {0.1, 0.2}, new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> Auroc.binary(new double[] {Double.NaN, 0.2}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Roc.curve(new double[] {0.1, 0.2}, new int[] {-1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Auroc.perClass(new double[][] {{0.1, 0.2}}, new int[][] {{0}}));
        assertThrows(IllegalArgumentException.class, () -> Classification.accuracy(new int[] {1}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Classification.accuracy(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, 3));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {-1}, 3));
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecallF1.macro(new int[] {0, 1}, new int[] {0}, 2));
        assertThrows(IllegalArgumentException.class, () -> CohensKappa.of(new int[] {0}, new int[] {5}, 2));
    }
}
