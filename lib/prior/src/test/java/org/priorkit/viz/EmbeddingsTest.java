package org.priorkit.viz;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddingsTest {

    @Test
    void pointsOnAPlaneKeepTheirDistances() {
        // Points spread 10x more along (1, 1, 0) than along (0, 0, 1): PCA finds these axes in that order.
        double[][] x = new double[8][];
        for (int i = 0; i < 8; i++) {
            double a = (i % 4 - 1.5) * 10;
            double b = (i / 4 - 0.5);
            x[i] = new double[] {a / Math.sqrt(2) + 5, a / Math.sqrt(2) - 2, b + 1};
        }
        double[][] p = Embeddings.pca2(x);
        for (int i = 0; i < 8; i++) {
            assertEquals(Math.abs((i % 4 - 1.5) * 10), Math.abs(p[i][0]), 1e-6);
            assertEquals(0.5, Math.abs(p[i][1]), 1e-6);
        }
        double mean0 = 0;
        for (double[] q : p) {
            mean0 += q[0] / 8;
        }
        assertEquals(0, mean0, 1e-9); // centred
    }

    @Test
    void topEigenvectorOfADiagonalMatrix() {
        double[] v = Embeddings.topEigenvector(new double[][] {{1, 0, 0}, {0, 3, 0}, {0, 0, 2}});
        assertEquals(1, v[1], 1e-6);
        assertEquals(0, v[0], 1e-6);
    }
}
