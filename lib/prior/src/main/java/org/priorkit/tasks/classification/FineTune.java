package org.priorkit.tasks.classification;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.tasks.FeatureExtractor;
import org.priorkit.tasks.ImageFeature;
import org.priorkit.train.AdamW;
import org.priorkit.train.StepProgress;
import org.priorkit.train.TrainStep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Full fine-tuning: the image encoder and a linear head on one of its features ({@link ImageFeature}: by
 * default the ResNet's pooled map, as MGCA and LOVT), trained together with sigmoid BCE and AdamW, the encoder at a smaller learning rate
 * than the fresh head. Batch norm runs in training mode. After every epoch the validation loss is
 * measured in eval mode and the best epoch's weights (encoder and head) are restored at the end.
 *
 * <p>This CHANGES the model's image encoder in place: load a fresh model for each fine-tuning run.
 * Images are read per batch, resized and normalised, without augmentation.
 */
public final class FineTune {

    /**
     * @param epochs      passes over the training images
     * @param batchSize   images per step (>= 2: batch norm in training mode)
     * @param encoderLr   AdamW learning rate of the encoder (constant)
     * @param headLr      AdamW learning rate of the new head
     * @param weightDecay AdamW decoupled weight decay
     */
    public record Options(int epochs, int batchSize, double encoderLr, double headLr, double weightDecay) {

        public Options {
            if (epochs < 1 || batchSize < 2) {
                throw new IllegalArgumentException("need epochs >= 1 and batchSize >= 2");
            }
            if (!(encoderLr > 0) || !(headLr > 0) || weightDecay < 0) {
                throw new IllegalArgumentException("need positive learning rates and weightDecay >= 0");
            }
        }

        /**
         * 2 epochs, batch 32, encoder LR 1e-4, head LR 1e-3, weight decay 1e-4: on the default synthetic
         * set (1,600 training images at 64 px, tiny preset) about 100 steps, the costliest task by far.
         */
        public static Options defaults() {
            return new Options(2, 32, 1e-4, 1e-3, 1e-4);
        }

        public Options withEpochs(int e) {
            return new Options(e, batchSize, encoderLr, headLr, weightDecay);
        }
    }

    /** The head (on the raw features of the fine-tuned encoder) and how training went. */
    public record Trained(LinearProbe.Head head, int epochsRun, int bestEpoch, double bestValLoss) {}

    private FineTune() {}

    /** Fine-tunes {@code model}'s image encoder with a new head; deterministic for a seed on CPU. */
    public static Trained train(PriorModel model, List<LabeledImage> train, List<LabeledImage> val,
                                ImageFeature feature, Options o, long seed, int evalBatchSize, NDManager manager) {
        if (train.size() < 2) {
            throw new IllegalArgumentException("fine-tuning needs at least 2 training images, got " + train.size());
        }
        int d = feature.width(model.config());
        int c = train.get(0).targets().length;
        ImageLoader loader = FeatureExtractor.loaderFor(model);
        try (NDManager m = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            Linear head = Linear.builder().setUnits(c).build();
            head.initialize(m, DataType.FLOAT32, new Shape(1, d));
            Map<String, Parameter> encoder = prefixed("image.", StateDict.named(model.imageEncoder()));
            Map<String, Parameter> headParams = prefixed("head.", StateDict.named(head));
            Map<String, Parameter> all = new LinkedHashMap<>(encoder);
            all.putAll(headParams);
            AdamW encoderOpt = new AdamW(m, o.weightDecay());
            AdamW headOpt = new AdamW(m, o.weightDecay());
            ParameterStore ps = new ParameterStore(m, false);

            Random order = new Random(seed);
            int[] idx = new int[train.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            Map<String, NDArray> snapshot = null;
            int stepsPerEpoch = (idx.length - 2) / o.batchSize() + 1; // batches of 2 or more images
            StepProgress progress = new StepProgress("fine-tuning", (long) stepsPerEpoch * o.epochs());
            long done = 0;
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                LinearProbe.shuffle(idx, order);
                for (int start = 0; start + 2 <= idx.length; start += o.batchSize()) {
                    int b = Math.min(o.batchSize(), idx.length - start);
                    if (b < 2) {
                        break; // batch norm cannot train on one image
                    }
                    List<Path> files = new java.util.ArrayList<>(b);
                    float[] y = new float[b * c];
                    for (int k = 0; k < b; k++) {
                        LabeledImage r = train.get(idx[start + k]);
                        files.add(r.image());
                        System.arraycopy(r.targets(), 0, y, k * c, c);
                    }
                    try (NDManager step = m.newSubManager()) {
                        NDArray x = FeatureExtractor.batch(step, files, loader); // (B, 1, H, W)
                        NDArray targets = step.create(y, new Shape(b, c)); // (B, C)
                        float loss = TrainStep.run(List.of(new TrainStep.Group(encoder, encoderOpt, o.encoderLr()),
                                new TrainStep.Group(headParams, headOpt, o.headLr())), () -> {
                                    NDArray f = feature.of(model.encodeImage(ps, x, true)); // (B, d)
                                    NDArray logits = head.forward(ps, new NDList(f), true).singletonOrThrow(); // (B, classes)
                                    return SigmoidBce.loss(logits, targets);
                                }, "fine-tuning epoch " + epoch);
                        progress.step(++done, loss);
                    }
                }
                double valLoss = val.isEmpty() ? Double.NaN
                        : bce(headOf(head, c, d).logits(FeatureExtractor.features(model,
                                val.stream().map(LabeledImage::image).toList(), feature, evalBatchSize, m)), val);
                if (val.isEmpty() || valLoss < best) {
                    best = val.isEmpty() ? best : valLoss;
                    bestEpoch = epoch;
                    if (snapshot != null) {
                        snapshot.values().forEach(NDArray::close);
                    }
                    snapshot = copy(all, m);
                }
            }
            restore(all, snapshot);
            return new Trained(headOf(head, c, d), o.epochs(), bestEpoch, best);
        }
    }

    private static Map<String, Parameter> prefixed(String prefix, Map<String, Parameter> params) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    private static Map<String, NDArray> copy(Map<String, Parameter> params, NDManager m) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        params.forEach((k, p) -> {
            NDArray a = p.getArray().duplicate();
            a.attach(m);
            out.put(k, a);
        });
        return out;
    }

    private static void restore(Map<String, Parameter> params, Map<String, NDArray> snapshot) {
        params.forEach((k, p) -> StateDict.copyInto(p.getArray(), snapshot.get(k)));
    }

    static LinearProbe.Head headOf(Linear head, int c, int d) {
        var p = StateDict.named(head);
        float[] w = p.get("weight").getArray().toFloatArray();
        float[][] rows = new float[c][];
        for (int i = 0; i < c; i++) {
            rows[i] = java.util.Arrays.copyOfRange(w, i * d, (i + 1) * d);
        }
        return new LinearProbe.Head(rows, p.get("bias").getArray().toFloatArray());
    }

    /** Mean sigmoid BCE of logits against the records' targets, in Java doubles. */
    static double bce(double[][] logits, List<LabeledImage> records) {
        double sum = 0;
        int count = 0;
        for (int n = 0; n < logits.length; n++) {
            float[] t = records.get(n).targets();
            for (int k = 0; k < t.length; k++) {
                double x = logits[n][k];
                sum += Math.max(x, 0) - x * t[k] + Math.log1p(Math.exp(-Math.abs(x)));
                count++;
            }
        }
        return sum / count;
    }
}
