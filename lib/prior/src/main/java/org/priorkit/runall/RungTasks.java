package org.priorkit.runall;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.split.DataFraction;
import org.priorkit.metrics.Roc;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.report.ResultRow;
import org.priorkit.tasks.FrozenFeatures;
import org.priorkit.tasks.ImageFeature;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.classification.ClassificationConfig;
import org.priorkit.tasks.classification.ClassificationResult;
import org.priorkit.tasks.classification.ClassificationTask;
import org.priorkit.tasks.dense.EncoderMode;
import org.priorkit.tasks.detection.Detection;
import org.priorkit.tasks.detection.DetectionConfig;
import org.priorkit.tasks.detection.DetectionResult;
import org.priorkit.tasks.retrieval.ImageTextRetrieval;
import org.priorkit.tasks.retrieval.ReportPool;
import org.priorkit.tasks.retrieval.RetrievalConfig;
import org.priorkit.tasks.retrieval.RetrievalResult;
import org.priorkit.tasks.segmentation.Segmentation;
import org.priorkit.tasks.segmentation.SegmentationConfig;
import org.priorkit.tasks.segmentation.SegmentationResult;
import org.priorkit.tasks.zeroshot.Prompts;
import org.priorkit.tasks.zeroshot.ZeroShot;
import org.priorkit.tasks.zeroshot.ZeroShotConfig;
import org.priorkit.tasks.zeroshot.ZeroShotResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every downstream task for the encoder of one rung: the two linear probes, segmentation and
 * detection at each label fraction and seed, then zero-shot and retrieval once.
 */
final class RungTasks {

    /**
     * How the ladder runs segmentation and detection. Fine-tuned: with a frozen encoder, a RANDOM
     * ResNet under a trained U-Net neck localises the synthetic opacities as well as PRIOR's (they are
     * low-level blobs), so frozen runs cannot tell the encoders apart; fine-tuning compares what they
     * start from (lib/README, "How run-all's ladder runs the downstream tasks").
     */
    static final EncoderMode DENSE_MODE = EncoderMode.FINE_TUNE;
    /** Images per forward pass when the probes encode their features. */
    private static final int PROBE_BATCH = 64;
    private static final String SEGMENTATION = "SIIM segmentation (fine-tuned)";
    private static final String DETECTION = "RSNA detection (fine-tuned)";
    private static final String ZERO_SHOT = "zero-shot 5x200, PRIOR's prompt";
    private static final String ZERO_SHOT_REPORT_LIKE = "zero-shot 5x200, report-like prompts";

    private RungTasks() {}

    /**
     * What one rung's encoder yields on every task: the result rows, and the runs the figures draw
     * (100% labels, first seed; null when 100% is not among the fractions).
     */
    record Outcome(List<ResultRow> rows, ClassificationResult roc, ZeroShotResult zeroShot,
                   RetrievalResult retrieval, SegmentationResult segmentation, DetectionResult detection) {

        /** What the report needs of this rung: its rows and the ROC curve of Cardiomegaly (class 1). */
        LaneResult.RungSummary summary(Rung rung) {
            LaneResult.RocCurve curve = null;
            if (roc != null) {
                int cls = 1; // Cardiomegaly: the class with a clear image signature
                double[] scores = new double[roc.testScores().length];
                int[] labels = new int[scores.length];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = roc.testScores()[i][cls];
                    labels[i] = roc.testLabels()[i][cls];
                }
                Roc points = Roc.curve(scores, labels);
                curve = new LaneResult.RocCurve(roc.classes().get(cls), roc.perClassAuroc()[cls], points.fpr(), points.tpr());
            }
            return new LaneResult.RungSummary(rung, rows, curve);
        }
    }

    /**
     * Every task for the encoder of {@code rung} ({@code ckpt} null = random init of run-all's preset);
     * {@code progress} hears of each task as it ends, with its figure and time (the lane's console line).
     */
    static Outcome run(Rung rung, Path ckpt, RunAllConfig c, TaskData data, Device device, Consumer<String> progress)
            throws IOException {
        Consumer<String> done = Progress.timed(rung.label(), progress);
        List<ResultRow> rows = new ArrayList<>();
        Outcome shown = null;
        // One model for the tasks that keep the encoder frozen; its image features are encoded once
        // and shared by every probe (fraction x seed). The dense tasks fine-tune a fresh copy each.
        try (NDManager manager = NDManager.newBaseManager(device)) {
            TaskModel model = TaskModel.open(ckpt, c.data(), PriorConfig.preset(c.preset()), manager);
            FrozenFeatures frozen = new FrozenFeatures(model.model(), ImageFeature.BACKBONE, PROBE_BATCH, manager);
            for (long seed : c.seeds()) {
                for (DataFraction f : c.fractions()) {
                    Outcome o = supervised(rung, ckpt, c, data, f, seed, model, frozen, manager, done);
                    rows.addAll(o.rows());
                    if (f.value() == 1.0 && seed == c.seeds().get(0)) {
                        shown = o;
                    }
                }
            }
            // Zero-shot and retrieval train nothing: one run per rung (fraction 0: no labels).
            long run = c.pretrainSeeds().get(0); // the pretraining run these rows belong to (one per lane config)
            ZeroShotResult zs = ZeroShot.run(model, data.fiveBy200(), ZeroShotConfig.defaults().withPreset(c.preset()), manager);
            rows.add(new ResultRow(rung.label(), ZERO_SHOT, "accuracy", 0, run, 0, zs.accuracy()));
            rows.add(new ResultRow(rung.label(), ZERO_SHOT, "macro F1", 0, run, 0, zs.macroF1()));
            rows.add(new ResultRow(rung.label(), ZERO_SHOT, "kappa", 0, run, 0, zs.kappa()));
            done.accept(String.format(Locale.ROOT, "zero-shot, PRIOR's prompt: accuracy %.3f", zs.accuracy()));
            // Report-like prompts (several phrasings per class, as the reports word findings): what a
            // model trained only on reports can read best; PRIOR's one-line prompt above is the paper's.
            ZeroShotResult reportLike = ZeroShot.run(model, data.fiveBy200(), ZeroShotConfig.defaults()
                    .withPreset(c.preset()).withPrompts(Prompts.gloriaStyle()), manager);
            rows.add(new ResultRow(rung.label(), ZERO_SHOT_REPORT_LIKE, "accuracy", 0, run, 0, reportLike.accuracy()));
            rows.add(new ResultRow(rung.label(), ZERO_SHOT_REPORT_LIKE, "kappa", 0, run, 0, reportLike.kappa()));
            done.accept(String.format(Locale.ROOT, "zero-shot, report-like prompts: accuracy %.3f", reportLike.accuracy()));
            RetrievalConfig retrieval = RetrievalConfig.defaults().withPreset(c.preset());
            if (c.smoke()) { // a tiny set has too few test reports for a pool
                retrieval = retrieval.withSplits(Set.of("train", "validate", "test"));
            }
            RetrievalResult rr = ImageTextRetrieval.run(model, data.fiveBy200(),
                    ReportPool.fromMimic(data.mimicPairs(), retrieval.splits()), retrieval, manager);
            for (Map.Entry<Integer, Double> e : rr.imageToText().entrySet()) {
                rows.add(new ResultRow(rung.label(), "image-to-text retrieval", "P@" + e.getKey(), 0, run, 0, e.getValue()));
            }
            done.accept(String.format(Locale.ROOT, "retrieval: P@1 %.3f", rr.imageToText().getOrDefault(1, Double.NaN)));
            return shown == null ? new Outcome(rows, null, zs, rr, null, null)
                    : new Outcome(rows, shown.roc(), zs, rr, shown.segmentation(), shown.detection());
        }
    }

    /** The tasks trained on labels, at one fraction and seed: two probes on {@code frozen}, and the dense tasks. */
    private static Outcome supervised(Rung rung, Path ckpt, RunAllConfig c, TaskData data, DataFraction f, long seed,
                                      TaskModel model, FrozenFeatures frozen, NDManager manager,
                                      Consumer<String> done) throws IOException {
        double pct = f.value() * 100;
        String at = " at " + f.label() + (c.seeds().size() > 1 ? ", seed " + seed : "") + ": ";
        long run = c.pretrainSeeds().get(0); // the pretraining run these rows belong to (one per lane config)
        List<ResultRow> rows = new ArrayList<>();
        ClassificationResult cr = ClassificationTask.run(model, data, ClassificationConfig.defaults(
                ClassificationConfig.Dataset.CHEXPERT, ClassificationConfig.Mode.LINEAR_PROBE)
                .withPreset(c.preset()).withFraction(f).withSeed(seed), manager, frozen);
        rows.add(new ResultRow(rung.label(), "CheXpert linear probe", "macro AUROC", pct, run, seed, cr.macroAuroc()));
        done.accept(String.format(Locale.ROOT, "CheXpert probe%sAUROC %.3f", at, cr.macroAuroc()));
        ClassificationResult rsna = ClassificationTask.run(model, data, ClassificationConfig.defaults(
                ClassificationConfig.Dataset.RSNA, ClassificationConfig.Mode.LINEAR_PROBE)
                .withPreset(c.preset()).withFraction(f).withSeed(seed), manager, frozen);
        rows.add(new ResultRow(rung.label(), "RSNA linear probe", "AUROC", pct, run, seed, rsna.macroAuroc()));
        done.accept(String.format(Locale.ROOT, "RSNA probe%sAUROC %.3f", at, rsna.macroAuroc()));
        SegmentationResult sr = Segmentation.run(data, ckpt, SegmentationConfig.defaults()
                .withPreset(c.preset()).withMode(DENSE_MODE).withFraction(f).withSeed(seed).withSteps(c.taskSteps(), 16));
        rows.add(new ResultRow(rung.label(), SEGMENTATION, "Dice", pct, run, seed, sr.dice()));
        done.accept(String.format(Locale.ROOT, "segmentation%sDice %.3f", at, sr.dice()));
        DetectionResult dr = Detection.run(data, ckpt, DetectionConfig.defaults()
                .withPreset(c.preset()).withMode(DENSE_MODE).withFraction(f).withSeed(seed).withSteps(c.taskSteps(), 16));
        rows.add(new ResultRow(rung.label(), DETECTION, "RSNA challenge score", pct, run, seed, dr.rsnaMap()));
        rows.add(new ResultRow(rung.label(), DETECTION, "COCO AP .40-.75 (MGCA)", pct, run, seed, dr.cocoMap()));
        rows.add(new ResultRow(rung.label(), DETECTION, "AP@0.5", pct, run, seed, dr.ap50()));
        done.accept(String.format(Locale.ROOT, "detection%sRSNA score %.3f, COCO AP %.3f", at, dr.rsnaMap(),
                dr.cocoMap()));
        return new Outcome(rows, cr, null, null, sr, dr);
    }
}
