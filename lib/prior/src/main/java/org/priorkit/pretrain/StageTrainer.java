package org.priorkit.pretrain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.priorkit.config.LossTerm;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.StateDict;
import org.priorkit.train.AdamW;
import org.priorkit.train.BatchLoader;
import org.priorkit.train.LearningRateSchedule;
import org.priorkit.train.MetricsLog;
import org.priorkit.train.SampleSource;
import org.priorkit.train.Seeds;
import org.priorkit.train.TrainingDivergedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PRIOR's three-stage pretraining loop: per stage a fresh AdamW with warmup + cosine, the stage's
 * weighted loss terms, a checkpoint every few steps and at the stage's end, and resumption from
 * {@code last.ckpt} after a crash or a kill.
 *
 * <p>Every step re-seeds the engine from (seed, global step), and batches come in an order seeded
 * by (seed, stage, epoch): a resumed run repeats exactly what an uninterrupted one would do.
 */
public final class StageTrainer {

    /** Where each stage ended: steps, wall time, images/s, and its checkpoint. */
    public record StageResult(String name, long steps, double seconds, double imagesPerSecond, Path checkpoint) {}

    /** The whole run. {@code resumedFromStep} is -1 for a fresh run. */
    public record Result(List<StageResult> stages, Path metrics, long resumedFromStep) {}

    private StageTrainer() {}

    /**
     * Runs (or resumes) every stage of {@code config} on {@code data}. The objective's block must
     * already be initialised; its arrays are trained in place.
     */
    public static Result run(Objective objective, SampleSource data, PriorConfig config, TrainOptions opts,
                             NDManager manager) throws IOException {
        Files.createDirectories(opts.runDir());
        Path lastFile = opts.runDir().resolve(RunFolder.LAST);
        Path metricsFile = opts.runDir().resolve(RunFolder.METRICS);
        Map<String, Parameter> params = StateDict.named(objective.block());

        int startStage = 0;
        long startStep = 0;
        long globalStep = 0;
        long resumedFrom = -1;
        Map<String, NDArray> optimizerState = Map.of();
        if (Files.exists(lastFile)) {
            try (NDManager tmp = manager.newSubManager()) {
                Checkpoint.Loaded ck = Checkpoint.read(tmp, lastFile);
                Checkpoint.State s = ck.state();
                if (s.seed() != config.seed() || !s.preset().equals(config.preset())) {
                    throw new IllegalStateException(lastFile + " belongs to another run (preset " + s.preset()
                            + ", seed " + s.seed() + "): use a new --run-dir or delete it");
                }
                StateDict.load(objective.block(), ck.model());
                globalStep = s.globalStep();
                resumedFrom = globalStep;
                startStage = s.finished() ? s.stage() + 1 : s.stage();
                startStep = s.finished() ? 0 : s.stepInStage();
                if (!s.finished()) {
                    optimizerState = copyTo(manager, ck.optimizer());
                }
            }
            MetricsLog.truncateAfter(metricsFile, globalStep);
            if (startStage >= config.stages().size()) {
                System.err.printf("%s: all %d stages already done (global step %d)%n", lastFile,
                        config.stages().size(), globalStep);
            } else {
                System.err.printf("resuming from %s: stage %d step %d (global step %d)%n",
                        lastFile, startStage + 1, startStep, globalStep);
            }
        }

        List<StageResult> results = new ArrayList<>();
        try (MetricsLog log = new MetricsLog(metricsFile);
             BatchLoader loader = new BatchLoader(data, manager, config.batchSize(), opts.loaderThreads(), opts.prefetch())) {
            long perEpoch = loader.batchesPerEpoch();
            if (perEpoch < 1) {
                throw new IllegalArgumentException("only " + data.size() + " samples for batch size "
                        + config.batchSize() + ": not one full batch");
            }
            for (int si = startStage; si < config.stages().size(); si++) {
                StageConfig stage = config.stages().get(si);
                long total = stage.epochs() * perEpoch;
                if (opts.maxStepsPerStage() > 0) {
                    total = Math.min(total, opts.maxStepsPerStage());
                }
                long warmup = Math.min(total, Math.round(stage.warmupEpochs() * perEpoch));
                AdamW optimizer = new AdamW(manager, stage.weightDecay());
                long first = si == startStage ? startStep : 0;
                if (first > 0) {
                    optimizer.load(optimizerState, first);
                }
                long t0 = System.nanoTime();
                long images = 0;
                try (ProgressBar bar = opts.progressBar() ? new ProgressBarBuilder()
                        .setTaskName("stage " + (si + 1) + " " + stage.name()).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build() : null) {
                    if (bar != null) {
                        bar.stepTo(first);
                    }
                    long step = first;
                    while (step < total) {
                        long epoch = step / perEpoch;
                        for (BatchLoader.Loaded b : loader.epoch(config.seed(), si, epoch, step % perEpoch)) {
                            try (b) {
                                if (step >= total) {
                                    break;
                                }
                                long ts = System.nanoTime();
                                double lr = LearningRateSchedule.at(step, total, warmup, stage.peakLr());
                                Map<String, Float> terms = trainStep(objective, b, stage, params, optimizer, lr,
                                        Seeds.mix(config.seed(), globalStep), si, step, globalStep);
                                step++;
                                globalStep++;
                                images += b.size();
                                double ips = b.size() / ((System.nanoTime() - ts) / 1e9);
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("step", globalStep);
                                row.put("stage", si + 1);
                                row.put("stage_name", stage.name());
                                row.put("stage_step", step);
                                row.put("lr", lr);
                                row.put("images_per_s", ips);
                                terms.forEach(row::put);
                                log.log(row);
                                if (bar != null) {
                                    bar.stepTo(step);
                                    bar.setExtraMessage(format(terms) + String.format(" %.0f img/s", ips));
                                } else if (step % opts.logEvery() == 0 || step == total) {
                                    System.err.printf("stage %d %s step %d/%d %s %.0f img/s%n", si + 1, stage.name(),
                                            step, total, format(terms), ips);
                                }
                                if (step % opts.checkpointEvery() == 0 && step < total) {
                                    save(lastFile, objective, optimizer, config, si, stage, step, total, globalStep, false);
                                }
                            }
                        }
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Path stageFile = RunFolder.stageCheckpoint(opts.runDir(), si, stage.name());
                save(stageFile, objective, optimizer, config, si, stage, total, total, globalStep, true);
                Files.copy(stageFile, opts.runDir().resolve(RunFolder.LAST + ".tmp"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(opts.runDir().resolve(RunFolder.LAST + ".tmp"), lastFile,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                results.add(new StageResult(stage.name(), total - first, seconds, images / Math.max(seconds, 1e-9), stageFile));
            }
        }
        return new Result(results, metricsFile, resumedFrom);
    }

    /** One step: forward, weighted sum, finiteness check, backward, AdamW update. Returns the unweighted terms (and "total"). */
    public static Map<String, Float> trainStep(Objective objective, BatchLoader.Loaded b, StageConfig stage,
                                        Map<String, Parameter> params, AdamW optimizer, double lr, long stepSeed,
                                        int stageIndex, long stepInStage, long globalStep) {
        Engine.getInstance().setRandomSeed((int) stepSeed); // dropout, Gumbel noise: repeatable per step
        Map<String, Float> values = new LinkedHashMap<>();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            AdamW.zeroGradients(params); // DJL accumulates gradients across collectors otherwise
            ParameterStore ps = new ParameterStore(b.manager(), false);
            Map<LossTerm, NDArray> terms = objective.losses(ps, b.batch(), stage, true);
            NDArray total = null;
            for (Map.Entry<LossTerm, Double> w : stage.weights().entrySet()) {
                NDArray term = terms.get(w.getKey());
                if (term == null) {
                    throw new IllegalStateException("the objective did not compute loss term '" + w.getKey().id()
                            + "' that stage '" + stage.name() + "' asks for");
                }
                float v = term.getFloat();
                if (!Float.isFinite(v)) {
                    throw new TrainingDivergedException(w.getKey().id(), stage.name(), stepInStage, globalStep, v);
                }
                values.put(w.getKey().id(), v);
                NDArray weighted = term.mul(Scalars.tensor(term, w.getValue()));
                total = total == null ? weighted : total.add(weighted);
            }
            values.put("total", total.getFloat());
            collector.backward(total);
        }
        optimizer.update(params, lr);
        return values;
    }

    private static void save(Path file, Objective objective, AdamW optimizer, PriorConfig config, int si,
                             StageConfig stage, long step, long total, long globalStep, boolean finished)
            throws IOException {
        Map<String, NDArray> model = new LinkedHashMap<>();
        StateDict.named(objective.block()).forEach((k, p) -> model.put(k, p.getArray()));
        Checkpoint.write(file, new Checkpoint.State(si, stage.name(), step, total, globalStep, config.seed(),
                finished, config.preset()), model, finished ? Map.of() : optimizer.state());
    }

    private static Map<String, NDArray> copyTo(NDManager manager, Map<String, NDArray> arrays) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, a) -> {
            NDArray c = a.duplicate();
            c.attach(manager);
            out.put(k, c);
        });
        return out;
    }

    private static String format(Map<String, Float> terms) {
        StringBuilder sb = new StringBuilder();
        terms.forEach((k, v) -> sb.append(k).append('=').append(String.format("%.4f", v)).append(' '));
        return sb.toString().trim();
    }
}
