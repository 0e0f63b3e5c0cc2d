package org.priorkit.tasks.zeroshot;

/**
 * PRIOR's zero-shot score, as pure functions on similarity tables (N images x C classes):
 *
 * <pre>
 *   p_global = softmax_c(globalScale * cos(image global, class report))        (N, C)
 *   p_local  = softmax_c(localScale  * mean attention of the prompt's sentences over the image's regions)
 *   score    = p_global + localWeight * p_local        (PRIOR: localWeight = 0.5)   prediction = argmax_c
 * </pre>
 * The global scale is the model's learned one, the global InfoNCE's; the local one is 1, as in the
 * official code (the attention weights are sigmoids in [0, 1], so the local term nudges, never overrules).
 */
public final class ZeroShotScoring {

    private ZeroShotScoring() {}

    /** Row-wise softmax of {@code scale * x}. */
    public static double[][] softmax(double[][] x, double scale) {
        double[][] out = new double[x.length][];
        for (int n = 0; n < x.length; n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x[n]) {
                max = Math.max(max, scale * v);
            }
            double sum = 0;
            out[n] = new double[x[n].length];
            for (int c = 0; c < x[n].length; c++) {
                out[n][c] = Math.exp(scale * x[n][c] - max);
                sum += out[n][c];
            }
            for (int c = 0; c < x[n].length; c++) {
                out[n][c] /= sum;
            }
        }
        return out;
    }

    /** {@code softmax(globalScale * global) + localWeight * softmax(localScale * local)}, (N, C). */
    public static double[][] combine(double[][] global, double[][] local, double globalScale, double localScale,
                                     double localWeight) {
        double[][] g = softmax(global, globalScale);
        double[][] l = softmax(local, localScale);
        for (int n = 0; n < g.length; n++) {
            for (int c = 0; c < g[n].length; c++) {
                g[n][c] += localWeight * l[n][c];
            }
        }
        return g;
    }

    /** Index of the largest value of every row (the first one on ties). */
    public static int[] argmax(double[][] scores) {
        int[] out = new int[scores.length];
        for (int n = 0; n < scores.length; n++) {
            int best = 0;
            for (int c = 1; c < scores[n].length; c++) {
                if (scores[n][c] > scores[n][best]) {
                    best = c;
                }
            }
            out[n] = best;
        }
        return out;
    }

    /** Cosine similarity of two vectors (0 when one of them is zero). */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
