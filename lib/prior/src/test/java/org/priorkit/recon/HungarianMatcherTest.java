package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class HungarianMatcherTest {

    /** Minimum total cost over every injective map of the smaller side into the larger one. */
    static double bruteForce(double[][] c) {
        int n = c.length;
        int m = c[0].length;
        if (n > m) {
            double[][] t = new double[m][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    t[j][i] = c[i][j];
                }
            }
            return bruteForce(t);
        }
        return best(c, 0, new boolean[m]);
    }

    private static double best(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + best(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    static double total(double[][] c, int[] colOfRow) {
        int n = c.length;
        int m = c[0].length;
        Set<Integer> cols = new HashSet<>();
        double sum = 0;
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            if (colOfRow[i] >= 0) {
                assertTrue(cols.add(colOfRow[i]), "column used twice");
                sum += c[i][colOfRow[i]];
                assigned++;
            }
        }
        assertEquals(Math.min(n, m), assigned, "every row (n <= m) or every column (n > m) is assigned");
        return sum;
    }

    @Test
    void equalsBruteForceOnRandomMatrices() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(7);
            int m = 1 + r.nextInt(7);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = r.nextDouble() * 10 - 3;
                }
            }
            assertEquals(bruteForce(c), total(c, HungarianMatcher.solve(c)), 1e-9, "seed " + seed + " " + n + "x" + m);
        }
    }

    @Test
    void handlesTies() {
        for (int seed = 0; seed < 200; seed++) {
            Random r = new Random(1000 + seed);
            int n = 1 + r.nextInt(7);
            int m = 1 + r.nextInt(7);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = r.nextInt(3); // many equal entries
                }
            }
            assertEquals(bruteForce(c), total(c, HungarianMatcher.solve(c)), 1e-12, "seed " + seed);
        }
        double[][] zeros = new double[5][5];
        assertEquals(0, total(zeros, HungarianMatcher.solve(zeros)));
    }

    @Test
    void knownSmallCases() {
        assertArrayEquals(new int[] {1, 0}, HungarianMatcher.solve(new double[][] {{5, 1}, {1, 5}}));
        assertArrayEquals(new int[] {2}, HungarianMatcher.solve(new double[][] {{3, 2, 1}}));
        assertArrayEquals(new int[] {-1, 0, -1}, HungarianMatcher.solve(new double[][] {{3}, {1}, {2}}));
        assertEquals(0, HungarianMatcher.solve(new double[0][0]).length);
        assertThrows(IllegalArgumentException.class, () -> HungarianMatcher.solve(new double[][] {{Double.NaN}}));
    }

    @Test
    void batchMatchUsesOnlyRealSentencesAndGathers() {
        try (NDManager m = NDManager.newBaseManager()) {
            // decoded queries are the targets in a permuted order plus a decoy; padding is far away
            NDArray targets = m.create(new float[] {0, 0, 10, 0, 0, 10, 0, 0, 5, 5, 99, 99}, new Shape(2, 3, 2));
            NDArray decoded = m.create(new float[] {
                0, 10.5f, -7, -7, 0.1f, 0, 10, 0.2f, // sample 0: q0~s2, q1 decoy, q2~s0, q3~s1
                99, 99, 5, 5, 0, 0, 1, 1}, new Shape(2, 4, 2)); // sample 1: s0 -> q2, s1 -> q1, s2 padded
            NDArray mask = m.create(new boolean[] {true, true, true, true, true, false}, new Shape(2, 3));
            NDArray index = HungarianMatcher.match(decoded, targets, mask);
            assertArrayEquals(new long[] {2, 3, 0, 2, 1, 0}, index.toLongArray());
            NDArray gathered = HungarianMatcher.gatherMatched(decoded, index);
            Golden.assertClose(m.create(new float[] {0.1f, 0, 10, 0.2f, 0, 10.5f, 0, 0, 5, 5, 99, 99}, new Shape(2, 3, 2)),
                    gathered, "matched queries");
            NDArray tooMany = m.create(new boolean[] {true, true, true, true, true, true}, new Shape(2, 3));
            assertDoesNotThrow(() -> HungarianMatcher.match(decoded, targets, tooMany));
            assertThrows(IllegalArgumentException.class,
                    () -> HungarianMatcher.match(decoded.get(":, :2"), targets, tooMany), "3 sentences, 2 queries");
        }
    }
}
