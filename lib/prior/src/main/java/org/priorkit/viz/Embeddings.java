package org.priorkit.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Features (N, D) down to 2-D for a scatter plot: principal component analysis by power iteration
 * on the D x D covariance (no library beyond plain Java; deterministic).
 *
 * <pre>
 *   X_c = X - mean(X)                C = X_c^T X_c / (N - 1)            (D, D)
 *   v_1 = top eigenvector of C       v_2 = top eigenvector of C - l_1 v_1 v_1^T
 *   points = X_c [v_1 v_2]                                               (N, 2)
 * </pre>
 */
public final class Embeddings {

    private Embeddings() {}

    /** (N, D) features -> (N, 2) coordinates on the first two principal components. */
    public static double[][] pca2(NDArray features) {
        if (features.getShape().dimension() != 2) {
            throw new IllegalArgumentException("expected (N, D) features, got " + features.getShape());
        }
        int n = Math.toIntExact(features.getShape().get(0));
        int d = Math.toIntExact(features.getShape().get(1));
        double[] flat = features.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, x[i], 0, d);
        }
        return pca2(x);
    }

    /** {@link #pca2(NDArray)} on a plain (N, D) array. */
    public static double[][] pca2(double[][] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points, got " + n);
        }
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] xc = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xc[i][j] = x[i][j] - mean[j];
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : xc) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += row[a] * row[b] / (n - 1);
                }
            }
        }
        double[] v1 = topEigenvector(cov);
        double l1 = rayleigh(cov, v1);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] -= l1 * v1[a] * v1[b];
            }
        }
        double[] v2 = topEigenvector(cov);
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = dot(xc[i], v1);
            out[i][1] = dot(xc[i], v2);
        }
        return out;
    }

    /** Power iteration from a fixed start; the sign is fixed so the largest entry is positive. */
    static double[] topEigenvector(double[][] m) {
        int d = m.length;
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 + 0.01 * j; // not orthogonal to the top eigenvector in practice
        }
        normalise(v);
        for (int it = 0; it < 500; it++) {
            double[] w = new double[d];
            for (int a = 0; a < d; a++) {
                w[a] = dot(m[a], v);
            }
            if (normalise(w) == 0) {
                return v; // a zero matrix: any direction is an eigenvector
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change = Math.max(change, Math.abs(w[j] - v[j]));
            }
            v = w;
            if (change < 1e-10) {
                break;
            }
        }
        int big = 0;
        for (int j = 1; j < d; j++) {
            big = Math.abs(v[j]) > Math.abs(v[big]) ? j : big;
        }
        if (v[big] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double rayleigh(double[][] m, double[] v) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            s += v[a] * dot(m[a], v);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return norm;
    }
}
