package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.priorkit.align.NaiveLocalAlignment;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.recon.HungarianMatcher;
import org.priorkit.train.AdamW;
import org.priorkit.train.ScopedBatch;
import org.priorkit.train.TrainStep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What {@code kit bench} measures, on random inputs of a preset's shapes (no data loading, so the
 * figures are the model's own): step time of each stage, images/s, resident memory, the share of a
 * stage-3 step spent in Hungarian matching, whether memory stays flat over many steps, and the
 * speedup of the batched local alignment over a per-sample loop of the same maths.
 */
public final class Benchmark {

    /** Step-time figures of one stage. */
    public record StageFigures(String stage, double medianMs, double meanMs, double imagesPerSecond, long rssMb) {}

    /** Everything {@code kit bench} prints. */
    public record Report(String preset, int batch, String threads, List<StageFigures> stages, double hungarianMs,
                         double hungarianShareOfStage3, long[] rssMbEvery, int rssEverySteps,
                         double batchedLocalMs, double naiveLocalMs, int load, List<StageFigures> loaded) {

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format("preset %s, batch %d, random inputs, %s%n",
                    preset, batch, threads));
            for (StageFigures s : stages) {
                sb.append(String.format("  stage %-12s median %7.1f ms/step  mean %7.1f ms  %6.1f images/s  RSS %d MB%n",
                        s.stage(), s.medianMs(), s.meanMs(), s.imagesPerSecond(), s.rssMb()));
            }
            if (load > 0) {
                sb.append(String.format("  the same steps while %d busy threads compete for the CPU:%n", load));
                for (int i = 0; i < loaded.size(); i++) {
                    StageFigures s = loaded.get(i);
                    sb.append(String.format("  stage %-12s median %7.1f ms/step  %5.1fx slower%n",
                            s.stage(), s.medianMs(), s.medianMs() / stages.get(i).medianMs()));
                }
            }
            sb.append(String.format("  Hungarian matching: %.2f ms per batch = %.1f%% of a stage-3 step%n",
                    hungarianMs, 100 * hungarianShareOfStage3));
            if (rssMbEvery.length > 0) {
                sb.append(String.format("  RSS every %d last-stage steps (MB): %s%n", rssEverySteps, Arrays.toString(rssMbEvery)));
            }
            sb.append(String.format("  local alignment + losses, forward: batched %.2f ms, per-sample loop %.2f ms, speedup %.1fx%n",
                    batchedLocalMs, naiveLocalMs, naiveLocalMs / batchedLocalMs));
            return sb.toString();
        }
    }

    private Benchmark() {}

    /**
     * @param steps       timed steps per stage (after 3 warm-up steps)
     * @param memorySteps last-stage steps (all terms) for the memory check (0 to skip), RSS sampled 10 times
     * @param load        busy threads competing for the CPU while the stages are timed a second time (0: no
     *                    second timing); the report gives each stage's slowdown
     */
    public static Report run(PriorConfig config, int steps, int memorySteps, int load, Device device) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            PriorModel model = PriorModel.create(config, manager);
            PriorObjective objective = new PriorObjective(model);
            Map<String, Parameter> params = StateDict.named(model);
            Random random = new Random(config.seed());
            List<StageFigures> figures = stageFigures(manager, objective, params, config, steps, random);
            List<StageFigures> loaded = List.of();
            if (load > 0) {
                try (BusyLoad busy = new BusyLoad(load)) {
                    loaded = stageFigures(manager, objective, params, config, steps, random);
                }
            }
            double hungarian = hungarianMs(manager, model, config, random, Math.max(steps, 5));
            double stage3 = figures.get(figures.size() - 1).medianMs();

            long[] rss = new long[0];
            int every = Math.max(1, memorySteps / 10);
            if (memorySteps > 0) {
                rss = new long[memorySteps / every];
                StageConfig last = config.stages().get(config.stages().size() - 1); // every term, every part
                AdamW optimizer = new AdamW(manager, last.weightDecay());
                for (int i = 0; i < rss.length * every; i++) {
                    try (ScopedBatch<PretrainBatch> b = randomBatch(manager, config, random)) {
                        StageTrainer.step(objective, b, last, new TrainStep.Group(params, optimizer, 1e-5), i, "benchmark");
                    }
                    if ((i + 1) % every == 0) {
                        rss[(i + 1) / every - 1] = rssMb();
                    }
                }
            }
            double[] local = localAlignmentMs(manager, model, config, random, Math.max(steps, 5));
            return new Report(config.preset(), config.batchSize(), org.priorkit.device.Threads.describe(), figures,
                    hungarian, hungarian / stage3, rss, every, local[0], local[1], load, loaded);
        }
    }

    /** Median and mean step time of every stage, each after 3 warm-up steps. */
    private static List<StageFigures> stageFigures(NDManager manager, PriorObjective objective,
                                                   Map<String, Parameter> params, PriorConfig config, int steps,
                                                   Random random) {
        List<StageFigures> figures = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            AdamW optimizer = new AdamW(manager, stage.weightDecay());
            double[] ms = new double[steps];
            for (int i = -Math.min(3, steps); i < steps; i++) { // warm-up steps first
                try (ScopedBatch<PretrainBatch> b = randomBatch(manager, config, random)) {
                    long t0 = System.nanoTime();
                    StageTrainer.step(objective, b, stage, new TrainStep.Group(params, optimizer, 1e-5), i, "benchmark");
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            double median = median(ms);
            figures.add(new StageFigures(stage.name(), median, Arrays.stream(ms).average().orElse(0),
                    config.batchSize() * 1000.0 / median, rssMb()));
        }
        return figures;
    }

    /** A batch of random images and reports of the preset's shapes (several sentences each). */
    static ScopedBatch<PretrainBatch> randomBatch(NDManager parent, PriorConfig c, Random r) {
        NDManager m = parent.newSubManager();
        int b = c.batchSize();
        int t = c.text().maxTokens();
        int side = c.image().imageSize();
        NDArray images = m.randomNormal(new Shape(b, 1, side, side));
        int[] ids = new int[b * t];
        int[] att = new int[b * t];
        int[] sent = new int[b * t];
        Arrays.fill(sent, -1);
        for (int i = 0; i < b; i++) {
            int pos = 1;
            ids[i * t] = 2;
            att[i * t] = 1;
            int sentences = Math.min(c.text().maxSentences(), 4 + r.nextInt(4));
            for (int s = 0; s < sentences && pos < t - 9; s++) {
                for (int k = 0; k < 8; k++, pos++) {
                    ids[i * t + pos] = 5 + r.nextInt(c.text().vocabSize() - 5);
                    att[i * t + pos] = 1;
                    sent[i * t + pos] = s;
                }
            }
            ids[i * t + pos] = 3;
            att[i * t + pos] = 1;
        }
        PretrainBatch batch = new PretrainBatch(images, m.create(ids, new Shape(b, t)), m.create(att, new Shape(b, t)),
                m.create(sent, new Shape(b, t)));
        return new ScopedBatch<>(batch, m, b);
    }

    /** Median time of the matcher on a stage-3 batch's decoded sentences and true prototypes. */
    private static double hungarianMs(NDManager parent, PriorModel model, PriorConfig c, Random r, int reps) {
        try (ScopedBatch<PretrainBatch> b = randomBatch(parent, c, r)) {
            ParameterStore ps = new ParameterStore(b.manager(), false);
            PretrainBatch batch = b.batch();
            PriorModel.ImageFeatures img = model.encodeImage(ps, batch.images(), false);
            PriorModel.TextFeatures txt = model.encodeText(ps, batch.ids(), batch.attentionMask(), batch.sentenceIndex(),
                    false);
            NDArray decoded = model.reportDecoder().forward(ps, new NDList(img.tokens()), false).singletonOrThrow();
            int q = c.queries();
            var firstQ = new ai.djl.ndarray.index.NDIndex(":, :{}", q);
            NDArray targets = model.prototypes().snap(ps, txt.sentences(), false).get(firstQ);
            NDArray mask = txt.sentenceMask().get(firstQ);
            double[] ms = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                HungarianMatcher.match(decoded, targets, mask).close();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            return median(ms);
        }
    }

    /** Median forward time of batched vs per-sample local alignment with both losses. */
    private static double[] localAlignmentMs(NDManager parent, PriorModel model, PriorConfig c, Random r, int reps) {
        try (ScopedBatch<PretrainBatch> b = randomBatch(parent, c, r)) {
            ParameterStore ps = new ParameterStore(b.manager(), false);
            PretrainBatch batch = b.batch();
            PriorModel.ImageFeatures img = model.encodeImage(ps, batch.images(), false);
            PriorModel.TextFeatures txt = model.encodeText(ps, batch.ids(), batch.attentionMask(), batch.sentenceIndex(),
                    false);
            NDArray scale = model.localScale().scale(ps, img.tokens().getDevice(), false);
            double[] batched = new double[reps];
            double[] naive = new double[reps];
            for (int i = 0; i < reps; i++) {
                try (NDManager scope = b.manager().newSubManager()) {
                    long t0 = System.nanoTime();
                    NDList la = model.local().forward(ps, new NDList(img.tokens(), txt.sentences(), txt.sentenceMask()), false);
                    NDArray pi = model.predictor().forward(ps, new NDList(img.tokens()), false).singletonOrThrow();
                    NDArray pt = model.predictor().forward(ps, new NDList(la.get(0)), false).singletonOrThrow();
                    new org.priorkit.align.LocalImageLoss().compute(pi, pt, img.tokens(), la.get(0)).getFloat();
                    new org.priorkit.align.LocalTextLoss().compute(txt.sentences(), la.get(1), txt.sentenceMask(), scale).getFloat();
                    batched[i] = (System.nanoTime() - t0) / 1e6;
                    long t1 = System.nanoTime();
                    NaiveLocalAlignment.Result n = NaiveLocalAlignment.run(ps, model.local(), model.predictor(),
                            img.tokens(), txt.sentences(), txt.sentenceMask(), scale, false);
                    n.localTextLoss().getFloat();
                    n.localImageLoss().getFloat();
                    naive[i] = (System.nanoTime() - t1) / 1e6;
                    la.attach(scope);
                }
            }
            return new double[] {median(batched), median(naive)};
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }

    /** Resident set size of this process in MB (Linux), -1 elsewhere. */
    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
