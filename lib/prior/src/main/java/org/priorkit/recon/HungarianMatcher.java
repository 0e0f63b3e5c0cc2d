package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.priorkit.nn.Scopes;

import java.util.Arrays;

/**
 * One-to-one matching of decoded sentences to true sentences by the Hungarian algorithm
 * (Kuhn-Munkres with potentials, the O(n^2 m) "e-maxx" form of Jonker-Volgenant's shortest
 * augmenting paths), in pure Java.
 *
 * <p>Dimensions: B batch, Q decoder queries, S sentences (padded), D embedding.
 *
 * <p>{@link #solve} works on any n x m cost matrix; {@link #match} builds the (B, Q, S) L1 cost of a
 * batch in one tensor operation, copies it to the CPU once, and solves each sample's small matrix
 * (S_b real sentences against Q queries). The matching is a discrete choice: no gradient flows
 * through it, the loss is then computed on the matched pairs.
 */
public final class HungarianMatcher {

    private HungarianMatcher() {}

    /**
     * Minimum-cost assignment for an n x m matrix (rectangular allowed): returns {@code col[row]},
     * the column given to each row, or -1 for the n - m rows left over when n > m. Every row is
     * assigned when n <= m, every column when n >= m, and columns are distinct.
     */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        int m = n == 0 ? 0 : cost[0].length;
        for (double[] row : cost) {
            if (row.length != m) {
                throw new IllegalArgumentException("ragged cost matrix");
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("cost matrix has a non-finite entry: " + c);
                }
            }
        }
        if (n == 0 || m == 0) {
            int[] none = new int[n];
            Arrays.fill(none, -1);
            return none;
        }
        if (n <= m) {
            return solveWide(cost, n, m);
        }
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j][i] = cost[i][j];
            }
        }
        int[] colToRow = solveWide(t, m, n); // for each original column, its row
        int[] rowToCol = new int[n];
        Arrays.fill(rowToCol, -1);
        for (int j = 0; j < m; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /** n <= m. Potentials u (rows), v (columns); p[j] = row matched to column j (1-based, 0 = none). */
    private static int[] solveWide(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do { // grow a shortest augmenting path from row i until it reaches a free column
                used[j0] = true;
                int i0 = p[j0];
                int j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do { // flip the path
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }

    /**
     * Matches each real sentence to a distinct decoder query, minimising the summed L1 distance.
     *
     * @param decoded (B, Q, D) decoder outputs
     * @param targets (B, S, D) true sentence prototypes
     * @param mask    (B, S) boolean, true = real; at most Q real sentences per sample
     * @return (B, S) int64: the query matched to each sentence (0 for padding, which losses mask out)
     */
    public static NDArray match(NDArray decoded, NDArray targets, NDArray mask) {
        int b = Math.toIntExact(decoded.getShape().get(0));
        int q = Math.toIntExact(decoded.getShape().get(1));
        int s = Math.toIntExact(targets.getShape().get(1));
        double[] cost;
        boolean[] real;
        try (NDManager scope = NDManager.subManagerOf(decoded)) {
            Scopes.tempAttach(scope, decoded, targets, mask);
            NDArray dec = decoded.stopGradient().expandDims(2); // (B, Q, 1, D)
            NDArray tgt = targets.stopGradient().expandDims(1); // (B, 1, S, D)
            cost = dec.sub(tgt).abs().sum(new int[] {3}).toType(DataType.FLOAT64, false).toDoubleArray(); // (B, Q, S)
            real = mask.toBooleanArray(); // (B, S)
        }
        long[] index = new long[b * s];
        for (int i = 0; i < b; i++) { // pure Java on tiny matrices: the only per-sample loop
            int[] sentences = realSentences(real, i, s);
            if (sentences.length > q) {
                throw new IllegalArgumentException("sample " + i + " has " + sentences.length
                        + " sentences but the decoder has only " + q + " queries: truncate reports to Q sentences");
            }
            double[][] c = new double[sentences.length][q]; // rows: real sentences, columns: queries
            for (int r = 0; r < sentences.length; r++) {
                for (int j = 0; j < q; j++) {
                    c[r][j] = cost[(i * q + j) * s + sentences[r]];
                }
            }
            int[] chosen = solve(c);
            for (int r = 0; r < sentences.length; r++) {
                index[i * s + sentences[r]] = chosen[r];
            }
        }
        return decoded.getManager().create(index, new Shape(b, s));
    }

    private static int[] realSentences(boolean[] real, int sample, int s) {
        return java.util.stream.IntStream.range(0, s).filter(j -> real[sample * s + j]).toArray();
    }

    /** The decoded query matched to each sentence: (B, Q, D), index (B, S) -> (B, S, D), differentiable. */
    public static NDArray gatherMatched(NDArray decoded, NDArray index) {
        long d = decoded.getShape().get(2);
        Shape shape = new Shape(index.getShape().get(0), index.getShape().get(1), d);
        try (NDManager scope = NDManager.subManagerOf(decoded)) {
            Scopes.tempAttach(scope, decoded, index);
            return scope.ret(decoded.gather(index.expandDims(2).broadcast(shape), 1)); // (B, S, D)
        }
    }
}
