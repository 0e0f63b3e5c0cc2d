package org.priorkit.tasks.dense;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.translate.Batchifier;
import org.priorkit.nn.StateDict;
import org.priorkit.train.AdamW;
import org.priorkit.train.BatchLoader;
import org.priorkit.train.LearningRateSchedule;
import org.priorkit.train.SampleSource;
import org.priorkit.train.StepProgress;
import org.priorkit.train.ScopedBatch;
import org.priorkit.train.Seeds;
import org.priorkit.train.TrainStep;
import org.priorkit.vision.ResNet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training loop both dense tasks share: seeded batches, encoder frozen or fine-tuned, AdamW with
 * linear warmup and cosine decay, one loss per step. The task supplies the head and the loss.
 *
 * <p>Training length is counted in optimizer STEPS, not epochs: a 1% run and a 100% run then cost
 * the same time (a 1% run simply sees its few images more often), which is what a fixed time
 * budget per ablation rung needs. When the training set is smaller than the batch, the batch
 * shrinks to the set.
 *
 * <p>Determinism: batch order is seeded by (seed, epoch) through {@link BatchLoader}; the engine is
 * re-seeded from (seed, step) before every step; the head is initialised by the caller after
 * seeding. On CPU the same seed gives the same numbers.
 */
public final class DenseTrainer {

    /**
     * @param mode            frozen encoder or fine-tuning
     * @param batchSize       images per step (shrinks to the training set when it is smaller)
     * @param steps           optimizer steps
     * @param lr              peak learning rate of the head
     * @param encoderLrFactor the encoder's peak LR is {@code lr * encoderLrFactor} (fine-tuning only)
     * @param weightDecay     AdamW's decoupled weight decay
     * @param warmupFraction  share of the steps spent warming up linearly
     * @param seed            batch order and per-step engine seed
     */
    public record Settings(EncoderMode mode, int batchSize, int steps, double lr, double encoderLrFactor,
                           double weightDecay, double warmupFraction, long seed) {
        public Settings {
            if (mode == null) {
                throw new IllegalArgumentException("mode is required");
            }
            if (batchSize < 1 || steps < 1) {
                throw new IllegalArgumentException("batchSize and steps must be >= 1, got " + batchSize + ", " + steps);
            }
            if (!(lr > 0) || !(encoderLrFactor >= 0) || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("need lr > 0, encoderLrFactor >= 0, weightDecay >= 0");
            }
            if (!(warmupFraction >= 0 && warmupFraction <= 1)) {
                throw new IllegalArgumentException("warmupFraction must be in [0, 1], got " + warmupFraction);
            }
        }
    }

    /** A task's loss for one batch: the encoder maps [C2..C5] of its images, and the batch with its targets. */
    @FunctionalInterface
    public interface StepLoss<B> {
        NDArray loss(ParameterStore ps, NDList maps, B batch);
    }

    /** Called once per evaluation batch: its first row index and the batch. */
    @FunctionalInterface
    public interface BatchVisitor<B> {
        void visit(int first, B batch, NDManager manager);
    }

    private DenseTrainer() {}

    /**
     * Trains {@code head} (already initialised) and, when fine-tuning, {@code backbone}, in place.
     *
     * @return the loss of every step
     */
    public static <B extends DenseBatch> List<Float> train(ResNet backbone, Block head, SampleSource<B> data,
                                                           Settings s, StepLoss<B> loss,
                                    NDManager manager) {
        if (data.size() < 1) {
            throw new IllegalArgumentException("no training images");
        }
        int batch = (int) Math.min(s.batchSize(), data.size());
        Map<String, Parameter> headParams = StateDict.named(head);
        Map<String, Parameter> encoderParams = StateDict.named(backbone);
        long warmup = Math.round(s.steps() * s.warmupFraction());
        List<Float> losses = new ArrayList<>(s.steps());
        // Optimizer moments and any batch still prefetched when training stops live in this scope.
        try (NDManager scope = manager.newSubManager();
             BatchLoader<B> loader = new BatchLoader<>(data, scope, batch, 1, 2)) {
            AdamW headOpt = new AdamW(scope, s.weightDecay());
            AdamW encoderOpt = new AdamW(scope, s.weightDecay());
            // A dense task trains for 20-30 s: a line every few seconds says it is alive and when it ends.
            StepProgress progress = new StepProgress(s.mode().trainsEncoder() ? "fine-tuning" : "training the head", s.steps());
            int step = 0;
            for (long epoch = 0; step < s.steps(); epoch++) {
                for (ScopedBatch<B> b : loader.epoch(s.seed(), 0, epoch, 0)) {
                    try (b) {
                        double lr = LearningRateSchedule.at(step, s.steps(), warmup, s.lr());
                        List<TrainStep.Group> groups = new ArrayList<>();
                        groups.add(new TrainStep.Group(headParams, headOpt, lr));
                        if (s.mode().trainsEncoder() && s.encoderLrFactor() > 0) {
                            groups.add(new TrainStep.Group(encoderParams, encoderOpt, lr * s.encoderLrFactor()));
                        }
                        Engine.getInstance().setRandomSeed((int) Seeds.mix(s.seed(), step));
                        ParameterStore ps = new ParameterStore(b.manager(), false);
                        losses.add(TrainStep.run(groups, () -> loss.loss(ps,
                                Encoders.features(ps, backbone, b.batch().images(), s.mode(), true), b.batch()),
                                "step " + step + " (" + s.mode().label() + " encoder)"));
                    }
                    step++;
                    progress.step(step, losses.get(losses.size() - 1));
                    if (step >= s.steps()) {
                        break;
                    }
                }
            }
        }
        return losses;
    }

    /**
     * Visits {@code data} in order, {@code batchSize} rows at a time (the last batch may be
     * smaller), each batch in its own sub-manager closed after the visit. For evaluation.
     */
    public static <B> void forEachBatch(SampleSource<B> data, int batchSize, NDManager manager,
                                        BatchVisitor<B> visitor) {
        int n = Math.toIntExact(data.size());
        for (int first = 0; first < n; first += batchSize) {
            try (NDManager sub = manager.newSubManager()) {
                int last = Math.min(n, first + batchSize);
                NDList[] rows = new NDList[last - first];
                for (int i = first; i < last; i++) {
                    rows[i - first] = data.get(sub, i, 0);
                }
                NDList stacked = Batchifier.STACK.batchify(rows);
                stacked.attach(sub);
                visitor.visit(first, data.batch(stacked), sub);
            }
        }
    }
}
