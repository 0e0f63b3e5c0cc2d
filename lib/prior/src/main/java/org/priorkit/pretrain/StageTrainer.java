package org.priorkit.pretrain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.priorkit.config.LossTerm;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.nn.StateDict;
import org.priorkit.train.AdamW;
import org.priorkit.train.BatchLoader;
import org.priorkit.train.Eta;
import org.priorkit.train.LearningRateSchedule;
import org.priorkit.train.MetricsLog;
import org.priorkit.train.SampleSource;
import org.priorkit.train.ScopedBatch;
import org.priorkit.train.Seeds;
import org.priorkit.train.TrainStep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** What every stage of one run shares (handed from method to method, never kept in fields). */
    private record Run<B>(Objective<B> objective, Map<String, Parameter> params, PriorConfig config, TrainOptions opts,
                          BatchLoader<B> loader, MetricsLog log, NDManager manager) {}

    /**
     * Where a run (re)starts: a stage, a step in it and the global step, with the optimizer's
     * moments when that is in the middle of a stage (a fresh stage starts a fresh AdamW).
     */
    private record Start(int stage, long stepInStage, long globalStep, Map<String, NDArray> optimizer) {
        static final Start FRESH = new Start(0, 0, 0, Map.of());
    }

    private StageTrainer() {}

    /**
     * Runs (or resumes) every stage of {@code config} on {@code data}. The objective's block must
     * already be initialised; its arrays are trained in place.
     */
    public static <B> Result run(Objective<B> objective, SampleSource<B> data, PriorConfig config, TrainOptions opts,
                                 NDManager manager) throws IOException {
        Files.createDirectories(opts.runDir());
        Path metricsFile = opts.runDir().resolve(RunFolder.METRICS);
        Path lastFile = opts.runDir().resolve(RunFolder.LAST);
        boolean resuming = Files.exists(lastFile);
        Start start = resuming ? resume(objective, config, lastFile, manager) : Start.FRESH;
        // The log keeps only the steps the weights have seen: a run killed before its first checkpoint
        // starts from step 0 again, and its earlier lines would otherwise stay and be logged twice.
        MetricsLog.truncateAfter(metricsFile, start.globalStep());
        List<StageResult> results = new ArrayList<>();
        try (MetricsLog log = new MetricsLog(metricsFile);
             BatchLoader<B> loader = new BatchLoader<>(data, manager, config.batchSize(), opts.loaderThreads(), opts.prefetch())) {
            if (loader.batchesPerEpoch() < 1) {
                throw new IllegalArgumentException("only " + data.size() + " samples for batch size "
                        + config.batchSize() + ": not one full batch");
            }
            Run<B> run = new Run<>(objective, StateDict.named(objective.block()), config, opts, loader, log, manager);
            Start from = start;
            for (int si = start.stage(); si < config.stages().size(); si++) {
                StageResult r = stage(run, si, from);
                results.add(r);
                from = new Start(si + 1, 0, from.globalStep() + r.steps(), Map.of()); // the next stage from its first step
            }
        }
        return new Result(results, metricsFile, resuming ? start.globalStep() : -1);
    }

    /** Loads the weights of {@code lastFile} into the objective and says where to go on from. */
    private static Start resume(Objective<?> objective, PriorConfig config, Path lastFile, NDManager manager)
            throws IOException {
        try (NDManager tmp = manager.newSubManager()) {
            Checkpoint.Contents ck = Checkpoint.read(tmp, lastFile);
            Checkpoint.State s = ck.state();
            if (s.seed() != config.seed() || !s.preset().equals(config.preset())) {
                throw new IllegalStateException(lastFile + " belongs to another run (preset " + s.preset()
                        + ", seed " + s.seed() + "): use a new --run-dir or delete it");
            }
            StateDict.load(objective.block(), ck.model());
            Start start = s.finished() ? new Start(s.stage() + 1, 0, s.globalStep(), Map.of())
                    : new Start(s.stage(), s.stepInStage(), s.globalStep(), copyTo(manager, ck.optimizer()));
            if (start.stage() >= config.stages().size()) {
                System.err.printf("%s: all %d stages already done (global step %d)%n", lastFile,
                        config.stages().size(), s.globalStep());
            } else {
                System.err.printf("resuming from %s: stage %d step %d (global step %d)%n",
                        lastFile, start.stage() + 1, start.stepInStage(), s.globalStep());
            }
            return start;
        }
    }

    /** Stage {@code si} from {@code start}'s step on: the steps, checkpoints every few steps, and the stage's checkpoint. */
    private static <B> StageResult stage(Run<B> run, int si, Start start) throws IOException {
        PriorConfig config = run.config();
        StageConfig stage = config.stages().get(si);
        long perEpoch = run.loader().batchesPerEpoch();
        long total = stage.steps(perEpoch);
        if (run.opts().maxStepsPerStage() > 0) {
            total = Math.min(total, run.opts().maxStepsPerStage());
        }
        long warmup = Math.min(total, Math.round(stage.warmupEpochs() * perEpoch));
        AdamW optimizer = new AdamW(run.manager(), stage.weightDecay());
        long first = start.stepInStage();
        if (first > 0) {
            optimizer.load(start.optimizer(), first);
        }
        Path lastFile = run.opts().runDir().resolve(RunFolder.LAST);
        long t0 = System.nanoTime();
        long images = 0;
        long step = first;
        long globalStep = start.globalStep();
        try (ProgressBar bar = progressBar(run.opts(), si, stage, total, first)) {
            while (step < total) {
                for (ScopedBatch<B> b : run.loader().epoch(config.seed(), si, step / perEpoch, step % perEpoch)) {
                    try (b) {
                        if (step >= total) {
                            break;
                        }
                        long ts = System.nanoTime();
                        double lr = LearningRateSchedule.at(step, total, warmup, stage.peakLr());
                        TrainStep.Losses<LossTerm> losses = step(run.objective(), b, stage,
                                new TrainStep.Group(run.params(), optimizer, lr), Seeds.mix(config.seed(), globalStep),
                                "stage '" + stage.name() + "' step " + step + " (global step " + globalStep + ")");
                        step++;
                        globalStep++;
                        images += b.size();
                        double ips = b.size() / ((System.nanoTime() - ts) / 1e9);
                        run.log().log(row(globalStep, si, stage, step, lr, ips, losses));
                        report(bar, run.opts(), si, stage, step, total, losses, ips, Eta.of(System.nanoTime() - t0, step - first, total - first));
                        if (step % run.opts().checkpointEvery() == 0 && step < total) {
                            save(lastFile, run, optimizer, si, stage, step, total, globalStep, false);
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path stageFile = RunFolder.stageCheckpoint(run.opts().runDir(), si, stage.name());
        save(stageFile, run, optimizer, si, stage, total, total, globalStep, true);
        Path tmp = run.opts().runDir().resolve(RunFolder.LAST + ".tmp");
        Files.copy(stageFile, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, lastFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new StageResult(stage.name(), total - first, seconds, images / Math.max(seconds, 1e-9), stageFile);
    }

    /**
     * One training step of {@code stage} on a batch: the engine seeded with {@code seed} (dropout,
     * Gumbel noise: repeatable per step), then {@link TrainStep} with the stage's weights.
     * {@code where} names the step if a term diverges.
     */
    static <B> TrainStep.Losses<LossTerm> step(Objective<B> objective, ScopedBatch<B> b, StageConfig stage,
                                           TrainStep.Group group, long seed, String where) {
        Engine.getInstance().setRandomSeed((int) seed);
        ParameterStore ps = new ParameterStore(b.manager(), false);
        return TrainStep.run(List.of(group), stage.weights(), () -> objective.losses(ps, b.batch(), stage, true), where);
    }

    /** One line of metrics.jsonl: where the step is, its learning rate and speed, every term and the total. */
    private static Map<String, Object> row(long globalStep, int si, StageConfig stage, long step, double lr, double ips,
                                           TrainStep.Losses<LossTerm> losses) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", globalStep);
        row.put("stage", si + 1);
        row.put("stage_name", stage.name());
        row.put("stage_step", step);
        row.put("lr", lr);
        row.put("images_per_s", ips);
        losses.terms().forEach((t, v) -> row.put(t.id(), v));
        row.put("total", losses.total());
        return row;
    }

    /** A progress bar on stderr when asked for, else null (then {@link #report} prints a line now and then). */
    private static ProgressBar progressBar(TrainOptions opts, int si, StageConfig stage, long total, long first) {
        if (!opts.progressBar()) {
            return null;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("stage " + (si + 1) + " " + stage.name())
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        bar.stepTo(first);
        return bar;
    }

    private static void report(ProgressBar bar, TrainOptions opts, int si, StageConfig stage, long step, long total,
                               TrainStep.Losses<LossTerm> losses, double ips, String eta) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(format(losses) + String.format(" %.0f img/s", ips));
        } else if (step % opts.logEvery() == 0 || step == total) {
            System.err.printf("stage %d %s step %d/%d %s %.0f img/s, %s%n", si + 1, stage.name(), step, total,
                    format(losses), ips, eta);
        }
    }

    private static void save(Path file, Run<?> run, AdamW optimizer, int si, StageConfig stage, long step, long total,
                             long globalStep, boolean finished) throws IOException {
        Map<String, NDArray> model = new LinkedHashMap<>();
        run.params().forEach((k, p) -> model.put(k, p.getArray()));
        PriorConfig config = run.config();
        Checkpoint.write(file, new Checkpoint.State(si, stage.name(), step, total, globalStep, config.seed(),
                finished, config.preset(), config), model, finished ? Map.of() : optimizer.state());
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

    private static String format(TrainStep.Losses<LossTerm> losses) {
        StringBuilder sb = new StringBuilder();
        losses.terms().forEach((k, v) -> sb.append(k.id()).append('=').append(String.format("%.4f", v)).append(' '));
        return sb.append("total=").append(String.format("%.4f", losses.total())).toString();
    }
}
