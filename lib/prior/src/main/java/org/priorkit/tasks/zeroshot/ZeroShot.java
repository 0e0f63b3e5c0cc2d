package org.priorkit.tasks.zeroshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.chexpert.ChexpertClasses;
import org.priorkit.data.chexpert.FiveBy200Entry;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.report.SentenceSplitter;
import org.priorkit.device.Devices;
import org.priorkit.metrics.Classification;
import org.priorkit.metrics.CohensKappa;
import org.priorkit.metrics.ConfusionMatrix;
import org.priorkit.metrics.PrecisionRecallF1;
import org.priorkit.metrics.Prf;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.Scalars;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.tasks.FeatureExtractor;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.TextEmbedder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot classification on CheXpert 5x200 with PRIOR's score (see {@link ZeroShotScoring}).
 *
 * <p>Dimensions: N images, C classes, P prompts (all classes), S sentence slots, I image tokens, D.
 *
 * <p>Text side, once: every prompt is split into sentences and encoded as a report of its own
 * ({@link TextEmbedder}): report feature (P, D) and its "aligned" sentences (P, S, D), i.e. what the
 * model's local alignment and report pooling were trained on: the sentences' deterministic SPB
 * prototypes for a model pretrained with prototypes (stages 2 and 3), the sentence features
 * otherwise (stage 1, random init). A class's report feature is the normalised mean of its prompts'
 * normalised report features (one prompt: that prompt's feature).
 *
 * <p>Image side, per batch: global feature (B, D) and projected tokens (B, I, D).
 * <ul>
 *   <li>global similarity (B, C) = cos(image global, class report feature);</li>
 *   <li>local similarity: every aligned prompt sentence attends over the image's tokens through the
 *       model's image-to-text local alignment; the similarity is its mean sigmoid attention weight over
 *       the regions, as in the official code. Mean over the prompt's real sentences, then over the
 *       class's prompts: (B, C).</li>
 * </ul>
 * Measured on the default synthetic set, the tiny preset's local term alone is at chance (0.07-0.20
 * accuracy) at every stage; with the official unscaled softmax it barely moves the global term's
 * prediction. An earlier kit score (cosine of the image-aware sentence and its prototype, scaled by
 * the learned local scale) added a near-constant class bias that cost up to 0.29 accuracy (PRIOR
 * rung, PRIOR's prompt: 0.362, now 0.485; global term alone 0.482).
 */
public final class ZeroShot {

    private ZeroShot() {}

    /** The entry the scripts call: checkpoint (run folder or .ckpt) or null for random init. */
    public static ZeroShotResult run(Path dataRoot, Path checkpoint, ZeroShotConfig config) throws IOException {
        return run(new TaskData(dataRoot), checkpoint, config);
    }

    /** The entry {@code kit zeroshot} calls: as above, on {@code data} with its share of unreadable records. */
    public static ZeroShotResult run(TaskData data, Path checkpoint, ZeroShotConfig config) throws IOException {
        long t0 = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            TaskModel model = TaskModel.open(checkpoint, data.root(), PriorConfig.preset(config.preset()), manager);
            return run(model, data.fiveBy200(), config, manager, t0);
        }
    }

    /** Zero-shot on the given 5x200 entries with an already loaded model. */
    public static ZeroShotResult run(TaskModel model, List<FiveBy200Entry> entries, ZeroShotConfig config,
                                     NDManager manager) {
        return run(model, entries, config, manager, System.nanoTime());
    }

    private static ZeroShotResult run(TaskModel tm, List<FiveBy200Entry> entries, ZeroShotConfig config,
                                      NDManager manager, long t0) {
        List<String> classes = config.prompts().classes();
        if (!classes.equals(ChexpertClasses.COMPETITION)) {
            throw new IllegalArgumentException("prompts must cover the 5x200 classes in order "
                    + ChexpertClasses.COMPETITION + ", got " + classes);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no 5x200 images");
        }
        Similarities sims = similarities(tm, entries.stream().map(FiveBy200Entry::image).toList(),
                config.prompts(), config.batchSize(), manager);
        int[] truth = entries.stream().mapToInt(FiveBy200Entry::classIndex).toArray();
        double[][] scores = ZeroShotScoring.combine(sims.global(), sims.local(), sims.globalScale(),
                sims.localScale(), config.localWeight());
        int[] predicted = ZeroShotScoring.argmax(scores);
        int c = classes.size();
        Prf prf = PrecisionRecallF1.macro(predicted, truth, c);
        return new ZeroShotResult(classes, tm.source(), entries.stream().map(FiveBy200Entry::imagePath).toList(),
                truth, predicted, scores, sims.global(), sims.local(), sims.globalScale(), sims.localScale(),
                config.localWeight(), Classification.accuracy(predicted, truth), prf.precision(), prf.recall(),
                prf.f1(), CohensKappa.of(predicted, truth, c), ConfusionMatrix.of(predicted, truth, c),
                Classification.accuracy(ZeroShotScoring.argmax(sims.global()), truth),
                Classification.accuracy(ZeroShotScoring.argmax(sims.local()), truth),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Image-class similarities and the model's two logit scales.
     *
     * @param global (N, C) global cosine
     * @param local  (N, C) local cosine
     */
    public record Similarities(double[][] global, double[][] local, double globalScale, double localScale) {}

    /** Global and local similarities of {@code images} to the classes of {@code prompts}. */
    public static Similarities similarities(TaskModel tm, List<Path> images, Prompts prompts, int batchSize,
                                            NDManager manager) {
        PriorModel model = tm.model();
        SentenceSplitter splitter = new SentenceSplitter();
        List<List<String>> texts = new ArrayList<>();
        for (String p : prompts.all()) {
            List<String> s = splitter.split(p);
            texts.add(s.isEmpty() ? List.of(p) : s);
        }
        int[] classOf = prompts.classOfPrompt();
        int classes = prompts.byClass().size();
        int numPrompts = texts.size();
        ParameterStore ps = new ParameterStore(manager, false);
        ImageLoader loader = FeatureExtractor.loaderFor(model);
        double[][] global = new double[images.size()][];
        double[][] local = new double[images.size()][];
        try (NDManager m = manager.newSubManager()) {
            TextEmbedder.Embedded text = TextEmbedder.embed(tm, texts, batchSize, m);
            NDArray classFeatures = classMeans(text.reports().normalize(2, 1, 1e-12), classOf, classes, m)
                    .normalize(2, 1, 1e-12); // (C, D) normalised mean of the normalised prompt features
            NDArray aligned = text.aligned(); // (P, S, D)
            NDArray realSentences = text.mask().toType(DataType.FLOAT32, false); // (P, S)
            double globalScale = model.globalScale().scale(ps, m.getDevice(), false).getFloat();
            double localScale = 1; // the official code softmaxes the mean attention weight as it is
            long s = aligned.getShape().get(1);
            long d = aligned.getShape().get(2);
            for (int start = 0; start < images.size(); start += batchSize) {
                List<Path> chunk = images.subList(start, Math.min(images.size(), start + batchSize));
                int b = chunk.size();
                try (NDManager step = m.newSubManager()) {
                    NDArray x = FeatureExtractor.batch(step, chunk, loader); // (B, 1, H, W)
                    PriorModel.ImageFeatures f = model.encodeImage(ps, x, false);
                    NDArray g = f.global().normalize(2, 1, 1e-12).matMul(classFeatures.transpose()); // (B, C)

                    long i = f.tokens().getShape().get(1);
                    NDArray tokens = f.tokens().expandDims(1).broadcast(b, numPrompts, i, d)
                            .reshape(b * numPrompts, i, d); // (B*P, I, D) image b repeated for each prompt
                    NDArray sent = aligned.expandDims(0).broadcast(b, numPrompts, s, d)
                            .reshape(b * numPrompts, s, d); // (B*P, S, D)
                    NDArray real = realSentences.expandDims(0).broadcast(b, numPrompts, s)
                            .reshape(b * numPrompts, s); // (B*P, S)
                    NDArray sentenceToRegion = model.local().forward(ps, new NDList(tokens, sent, real.gt(0f)), false)
                            .get(2); // (B*P, S, I) sigmoid weights, padded sentences 0
                    NDArray attention = sentenceToRegion.mean(new int[] {2}); // (B*P, S) how much each sentence finds in the image
                    NDArray perPrompt = attention.mul(real).sum(new int[] {1})
                            .div(real.sum(new int[] {1}).maximum(Scalars.tensor(real, 1))).reshape(b, numPrompts); // (B, P)
                    NDArray l = classMeans(perPrompt.transpose(), classOf, classes, step).transpose(); // (B, C)
                    double[][] gRows = rows(g, b, classes);
                    double[][] lRows = rows(l, b, classes);
                    System.arraycopy(gRows, 0, global, start, b);
                    System.arraycopy(lRows, 0, local, start, b);
                }
            }
            return new Similarities(global, local, globalScale, localScale);
        }
    }

    /** Per-class mean of rows: x (P, K) with the class of each row -> (C, K). */
    private static NDArray classMeans(NDArray x, int[] classOf, int classes, NDManager m) {
        float[] w = new float[classes * classOf.length];
        int[] count = new int[classes];
        for (int c : classOf) {
            count[c]++;
        }
        for (int p = 0; p < classOf.length; p++) {
            w[classOf[p] * classOf.length + p] = 1f / count[classOf[p]];
        }
        NDArray weights = m.create(w, new Shape(classes, classOf.length)); // (C, P)
        return weights.matMul(x); // (C, ...)
    }

    private static double[][] rows(NDArray a, int n, int c) {
        float[] f = a.toType(DataType.FLOAT32, false).toFloatArray();
        double[][] out = new double[n][c];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                out[i][k] = f[i * c + k];
            }
        }
        return out;
    }
}
