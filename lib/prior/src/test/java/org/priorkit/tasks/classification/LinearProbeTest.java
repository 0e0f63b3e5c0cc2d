package org.priorkit.tasks.classification;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.priorkit.metrics.Auroc;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The head alone, on features whose classes are linearly separable by construction. */
class LinearProbeTest {

    /** Class c is positive when feature c > 0.3; features are scaled and shifted to test standardisation. */
    private static float[][][] toy(int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][6];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i][j] = (float) r.nextGaussian();
            }
            y[i][0] = x[i][0] > 0.3 ? 1 : 0;
            y[i][1] = x[i][1] + 0.5f * x[i][2] > 0.3 ? 1 : 0;
            for (int j = 0; j < 6; j++) {
                x[i][j] = x[i][j] * 40f + 7f; // far from standardised
            }
        }
        return new float[][][] {x, y};
    }

    private static int[][] ints(float[][] y) {
        int[][] out = new int[y.length][y[0].length];
        for (int i = 0; i < y.length; i++) {
            for (int c = 0; c < y[i].length; c++) {
                out[i][c] = (int) y[i][c];
            }
        }
        return out;
    }

    @Test
    void separableToyFeaturesReachHighAurocOnHeldOutData() {
        float[][][] train = toy(300, 1);
        float[][][] val = toy(100, 2);
        float[][][] test = toy(200, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            LinearProbe.Trained t = LinearProbe.train(train[0], train[1], val[0], val[1],
                    LinearProbe.Options.defaults().withEpochs(60), 7, m);
            double[] auroc = Auroc.perClass(t.head().probabilities(test[0]), ints(test[1]));
            assertTrue(auroc[0] > 0.95 && auroc[1] > 0.95, java.util.Arrays.toString(auroc));
            assertTrue(t.bestEpoch() >= 1 && t.bestEpoch() <= t.epochsRun());
        }
    }

    @Test
    void sameSeedSameHeadAndEarlyStoppingKeepsTheBestEpoch() {
        float[][][] train = toy(120, 4);
        float[][][] val = toy(60, 5);
        LinearProbe.Options o = new LinearProbe.Options(30, 64, 1e-2, 1e-4, 5);
        try (NDManager m = NDManager.newBaseManager()) {
            LinearProbe.Trained a = LinearProbe.train(train[0], train[1], val[0], val[1], o, 11, m);
            LinearProbe.Trained b = LinearProbe.train(train[0], train[1], val[0], val[1], o, 11, m);
            assertArrayEquals(a.head().bias(), b.head().bias());
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(a.head().weight()[c], b.head().weight()[c]);
            }
            assertEquals(a.bestValLoss(), b.bestValLoss());
            // the kept head is the best epoch's: its validation loss is the reported one
            double loss = FineTune.bce(a.head().logits(val[0]), java.util.stream.IntStream.range(0, 60)
                    .mapToObj(i -> new LabeledImage("i" + i, "p" + i, java.nio.file.Path.of("x"), val[1][i])).toList());
            assertEquals(a.bestValLoss(), loss, 1e-4);
        }
    }

    @Test
    void standardisationIsFoldedBackIntoTheHead() {
        float[][] w = {{2f, -1f}};
        float[] b = {0.5f};
        float[] mean = {3f, -2f};
        float[] std = {2f, 4f};
        LinearProbe.Head raw = LinearProbe.unstandardise(w, b, mean, std);
        float[] x = {5f, 6f};
        double expected = 2 * (5 - 3) / 2.0 - 1 * (6 + 2) / 4.0 + 0.5; // the head applied to (x - mean) / std
        assertEquals(expected, raw.logits(new float[][] {x})[0][0], 1e-6);
    }
}
