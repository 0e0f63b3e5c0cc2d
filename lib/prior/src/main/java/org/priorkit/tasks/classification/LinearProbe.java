package org.priorkit.tasks.classification;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.priorkit.nn.StateDict;
import org.priorkit.train.AdamW;
import org.priorkit.train.TrainStep;

import java.util.List;
import java.util.Random;

/**
 * The linear probe: a {@code Linear(D, C)} head trained on FROZEN features (N, D) that were
 * extracted once, with AdamW, minibatches in a seeded order, sigmoid BCE, and early stopping on the
 * validation loss (the best epoch's weights are kept).
 *
 * <p>The features are standardised with the training split's mean and standard deviation before
 * training (an affine change of variables: it only conditions the optimisation, a random encoder's
 * features can be tiny or huge) and the returned {@link Head} has that folded back in, so it applies
 * to raw features.
 */
public final class LinearProbe {

    /**
     * @param epochs       passes over the training features (upper bound with early stopping)
     * @param batchSize    minibatch size
     * @param learningRate AdamW learning rate (constant)
     * @param weightDecay  AdamW decoupled weight decay
     * @param patience     stop after this many epochs without a better validation loss (0 = never)
     */
    public record Options(int epochs, int batchSize, double learningRate, double weightDecay, int patience) {

        public Options {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batchSize must be >= 1");
            }
            if (!(learningRate > 0) || weightDecay < 0 || patience < 0) {
                throw new IllegalArgumentException("need learningRate > 0, weightDecay >= 0, patience >= 0");
            }
        }

        /**
         * 200 epochs at most, batch 1024, LR 3e-2, weight decay 1e-4, patience 20. Large batches on
         * purpose: each step costs a few DJL calls whatever its size, so on the synthetic set's
         * 1,600 x 64 features two steps per epoch are ~4x cheaper than seven and reach the same AUROC.
         */
        public static Options defaults() {
            return new Options(200, 1024, 3e-2, 1e-4, 20);
        }

        public Options withEpochs(int e) {
            return new Options(e, batchSize, learningRate, weightDecay, patience);
        }
    }

    /**
     * A linear classifier on raw features: {@code logits = x W^T + b}.
     *
     * @param weight (C, D)
     * @param bias   (C)
     */
    public record Head(float[][] weight, float[] bias) {

        /** Logits (N, C) of features (N, D). */
        public double[][] logits(float[][] x) {
            double[][] out = new double[x.length][weight.length];
            for (int n = 0; n < x.length; n++) {
                for (int c = 0; c < weight.length; c++) {
                    double s = bias[c];
                    for (int j = 0; j < x[n].length; j++) {
                        s += (double) weight[c][j] * x[n][j];
                    }
                    out[n][c] = s;
                }
            }
            return out;
        }

        /** Sigmoid probabilities (N, C). */
        public double[][] probabilities(float[][] x) {
            double[][] z = logits(x);
            for (double[] row : z) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = 1 / (1 + Math.exp(-row[c]));
                }
            }
            return z;
        }
    }

    /** The trained head and how training went. */
    public record Trained(Head head, int epochsRun, int bestEpoch, double bestValLoss) {}

    private LinearProbe() {}

    /**
     * Trains on {@code (xTrain, yTrain)}; {@code xVal}/{@code yVal} (may be empty) drive early stopping.
     * Features (N, D), targets (N, C) in {0, 1}. Deterministic for a seed on CPU.
     */
    public static Trained train(float[][] xTrain, float[][] yTrain, float[][] xVal, float[][] yVal, Options o,
                                long seed, NDManager manager) {
        if (xTrain.length == 0 || xTrain.length != yTrain.length || xVal.length != yVal.length) {
            throw new IllegalArgumentException("need matching, non-empty training features and targets");
        }
        int d = xTrain[0].length;
        int c = yTrain[0].length;
        float[] mean = new float[d];
        float[] std = new float[d];
        standardisation(xTrain, mean, std);
        try (NDManager m = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            Linear linear = Linear.builder().setUnits(c).build();
            linear.initialize(m, DataType.FLOAT32, new Shape(1, d));
            var params = StateDict.named(linear);
            AdamW adamw = new AdamW(m, o.weightDecay());
            ParameterStore ps = new ParameterStore(m, false);
            NDArray xv = xVal.length == 0 ? null : m.create(flat(xVal, mean, std), new Shape(xVal.length, d));
            NDArray yv = xVal.length == 0 ? null : m.create(flat(yVal, null, null), new Shape(yVal.length, c));

            Random order = new Random(seed);
            int[] idx = new int[xTrain.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int epoch = 0;
            float[][] bestW = null;
            float[] bestB = null;
            while (epoch < o.epochs()) {
                epoch++;
                shuffle(idx, order);
                for (int start = 0; start < idx.length; start += o.batchSize()) {
                    int b = Math.min(o.batchSize(), idx.length - start);
                    float[][] xb = new float[b][];
                    float[][] yb = new float[b][];
                    for (int k = 0; k < b; k++) {
                        xb[k] = xTrain[idx[start + k]];
                        yb[k] = yTrain[idx[start + k]];
                    }
                    try (NDManager step = m.newSubManager()) {
                        NDArray x = step.create(flat(xb, mean, std), new Shape(b, d)); // (B, D)
                        NDArray y = step.create(flat(yb, null, null), new Shape(b, c)); // (B, C)
                        TrainStep.run(List.of(new TrainStep.Group(params, adamw, o.learningRate())),
                                () -> SigmoidBce.loss(linear.forward(ps, new NDList(x), true).singletonOrThrow(), y),
                                "linear probe epoch " + epoch);
                    }
                }
                if (xv == null) {
                    continue;
                }
                double valLoss;
                try (NDManager step = m.newSubManager()) {
                    NDArray logits = linear.forward(ps, new NDList(xv), false).singletonOrThrow();
                    logits.attach(step);
                    NDArray loss = SigmoidBce.loss(logits, yv);
                    loss.attach(step);
                    valLoss = loss.getFloat();
                }
                if (valLoss < best) {
                    best = valLoss;
                    bestEpoch = epoch;
                    bestW = rows(params.get("weight").getArray(), c, d);
                    bestB = params.get("bias").getArray().toFloatArray();
                } else if (o.patience() > 0 && epoch - bestEpoch >= o.patience()) {
                    break;
                }
            }
            if (bestW == null) { // no validation set: the last epoch
                bestEpoch = epoch;
                bestW = rows(params.get("weight").getArray(), c, d);
                bestB = params.get("bias").getArray().toFloatArray();
            }
            return new Trained(unstandardise(bestW, bestB, mean, std), epoch, bestEpoch, best);
        }
    }

    /** Per-column mean and standard deviation (floored at 1e-6) of {@code x}. */
    static void standardisation(float[][] x, float[] mean, float[] std) {
        int d = mean.length;
        double[] s = new double[d];
        double[] s2 = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                s[j] += row[j];
                s2[j] += (double) row[j] * row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            double mu = s[j] / x.length;
            mean[j] = (float) mu;
            std[j] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, s2[j] / x.length - mu * mu)));
        }
    }

    /** The head on standardised features expressed on raw features. */
    static Head unstandardise(float[][] w, float[] b, float[] mean, float[] std) {
        float[][] w2 = new float[w.length][w[0].length];
        float[] b2 = b.clone();
        for (int c = 0; c < w.length; c++) {
            double shift = 0;
            for (int j = 0; j < w[c].length; j++) {
                w2[c][j] = w[c][j] / std[j];
                shift += (double) w[c][j] * mean[j] / std[j];
            }
            b2[c] = (float) (b[c] - shift);
        }
        return new Head(w2, b2);
    }

    private static float[] flat(float[][] rows, float[] mean, float[] std) {
        int d = rows[0].length;
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = mean == null ? rows[i][j] : (rows[i][j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    private static float[][] rows(NDArray a, int n, int d) {
        float[] f = a.toFloatArray();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(f, i * d, (i + 1) * d);
        }
        return out;
    }

    static void shuffle(int[] idx, Random r) {
        for (int i = idx.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
    }
}
