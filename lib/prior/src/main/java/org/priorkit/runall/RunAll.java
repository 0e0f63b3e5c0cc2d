package org.priorkit.runall;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.data.split.DataFraction;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.device.Devices;
import org.priorkit.metrics.Roc;
import org.priorkit.model.PriorModel;
import org.priorkit.pretrain.PretrainBatch;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.PretrainedModel;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.SentenceAttention;
import org.priorkit.pretrain.StageTrainer;
import org.priorkit.pretrain.TrainOptions;
import org.priorkit.report.HtmlReport;
import org.priorkit.report.ResultRow;
import org.priorkit.report.ResultsTable;
import org.priorkit.tasks.FrozenFeatures;
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
import org.priorkit.tasks.zeroshot.ZeroShot;
import org.priorkit.tasks.zeroshot.ZeroShotConfig;
import org.priorkit.tasks.zeroshot.ZeroShotResult;
import org.priorkit.train.MetricsLog;
import org.priorkit.viz.Charts;
import org.priorkit.viz.Images;
import org.priorkit.viz.Overlays;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main job: synthetic data -> PRIOR pretraining (and a global-only run) -> all five downstream
 * tasks for every rung of the ablation ladder -> results table, plots and an offline HTML page.
 *
 * <p>Everything is the library's: this class only decides the order, collects the numbers into
 * {@link ResultRow}s and draws the plots. Re-running resumes the pretraining runs and redoes the
 * (cheaper) downstream tasks.
 */
public final class RunAll {

    /** What a run leaves: the table, the page, and the wall time of each phase. */
    public record Outcome(ResultsTable results, Path page, Map<String, Double> seconds) {}

    /** How the ladder runs segmentation and detection (see the comment where they run). */
    private static final EncoderMode DENSE_MODE = EncoderMode.FINE_TUNE;
    /** Images per forward pass when the probes encode their features. */
    private static final int PROBE_BATCH = 64;
    private static final String SEGMENTATION = "SIIM segmentation (fine-tuned)";
    private static final String DETECTION = "RSNA detection (fine-tuned)";

    private RunAll() {}

    public static Outcome run(RunAllConfig c, Path plotlyJs, PrintStream log) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Consumer<String> phase = name -> {
            log.printf(Locale.ROOT, "[run-all %6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, name);
        };

        List<ai.djl.Device> devices = Devices.resolveAll(c.device()); // several GPUs split pretraining batches
        ai.djl.Device device = devices.get(0);
        Devices.use(device); // the tasks below open their managers on it

        // 1. Data.
        long t = System.nanoTime();
        if (!Files.exists(c.data())) {
            phase.accept("generating the synthetic set at " + c.data());
            log.println(SyntheticGenerator.generate(c.smoke() ? SyntheticConfig.tiny() : SyntheticConfig.defaults(), c.data()));
        }
        seconds.put("data", since(t));

        // 2-3. Pretraining and the downstream tasks, in two lanes. The random-init and global-only
        // rungs do not need the PRIOR run, so with two lanes a child JVM runs them (and the global-only
        // pretraining) while this JVM pretrains PRIOR; the child then also takes the "+ local alignment"
        // rung (PRIOR's stage-1 checkpoint, long written by then), which evens out the two lanes'
        // work, and this JVM runs the last two rungs. See SecondLane for why processes.
        String oneLane = SecondLane.whyNot(c, devices);
        List<Rung> firstLaneRungs = java.util.Arrays.stream(Rung.values())
                .filter(r -> !SecondLane.RUNGS.contains(r)).toList(); // + prototypes, PRIOR
        FirstLane first;
        LaneResult second;
        double waited = 0;
        if (oneLane == null) {
            phase.accept("second lane: global-only pretraining, then the rungs "
                    + SecondLane.RUNGS.stream().map(Rung::label).toList() + " in a child JVM (log: "
                    + c.out().resolve(SecondLane.LOG) + ")");
            SecondLane child = SecondLane.start(c);
            try {
                first = SecondLane.withThreads(SecondLane.threadsPerLane(), () -> priorRungs(c, devices, phase, firstLaneRungs));
                t = System.nanoTime();
                phase.accept("waiting for the second lane");
                second = child.await();
                waited = since(t);
            } finally {
                child.stop();
            }
        } else {
            phase.accept("one lane: " + oneLane);
            first = priorRungs(c, devices, phase, firstLaneRungs); // first: it writes the + local checkpoint
            second = independentRungs(c, devices, phase, SecondLane.RUNGS);
        }
        Path fullRun = c.out().resolve("pretrain-prior");
        RungOutcome prior = first.prior();
        List<LaneResult.RungSummary> rungs = new ArrayList<>(first.lane().rungs());
        rungs.addAll(second.rungs());
        rungs.sort(java.util.Comparator.comparing(LaneResult.RungSummary::rung)); // the ladder's order
        seconds.putAll(first.lane().seconds());
        seconds.putAll(second.seconds()); // with two lanes these ran at the same time as the PRIOR phases
        if (oneLane == null) {
            seconds.put("wait for lane 2", waited);
        }
        List<ResultRow> rows = new ArrayList<>();
        rungs.forEach(r -> rows.addAll(r.rows()));

        // 4. Table, plots, page.
        t = System.nanoTime();
        phase.accept("writing the report to " + c.out());
        ResultsTable table = new ResultsTable(rows);
        Path plots = Files.createDirectories(c.out().resolve("plots"));
        List<HtmlReport.Plot> figures = new ArrayList<>();
        List<Map<String, Object>> metrics = MetricsLog.read(fullRun.resolve(RunFolder.METRICS));
        Charts.savePng(Charts.lossCurves(metrics), plots.resolve("losses.png"));
        figures.add(new HtmlReport.Plot("plots/losses.png", "pretraining loss terms, stages 1-3 (PRIOR run)"));
        Map<String, double[][]> curves = new LinkedHashMap<>();
        String rocClass = null;
        for (LaneResult.RungSummary r : rungs) {
            if (r.roc() != null) {
                rocClass = r.roc().className();
                curves.put(String.format(Locale.ROOT, "%s (AUROC %.3f)", r.rung().label(), r.roc().auroc()),
                        new double[][] {r.roc().fpr(), r.roc().tpr()});
            }
        }
        if (!curves.isEmpty()) {
            Charts.savePng(Charts.rocCurves("CheXpert linear probe, 100% labels: " + rocClass, curves), plots.resolve("roc.png"));
            figures.add(new HtmlReport.Plot("plots/roc.png", "ROC curves, one per rung (CheXpert test set)"));
        }
        Charts.savePng(Charts.confusion("zero-shot 5x200, PRIOR", prior.zeroShot().confusion(), prior.zeroShot().classes()),
                plots.resolve("confusion.png"));
        figures.add(new HtmlReport.Plot("plots/confusion.png", "zero-shot confusion matrix (rows truth)"));
        figures.add(retrievalFigure(prior.retrieval(), c.data(), plots));
        if (prior.segmentation() != null) { // null when 100% labels were not run
            figures.add(segmentationFigure(prior.segmentation(), plots));
        }
        if (prior.detection() != null) { // likewise
            figures.add(detectionFigure(prior.detection(), plots));
        }
        figures.add(attentionFigure(fullRun, c, pretrainingPreset(c), plots));
        Path page = HtmlReport.write(c.out(), "PRIOR kit: run-all on " + c.data(),
                "Pretraining on the MIMIC-CXR-style pairs, then every downstream task for every rung of the ablation "
                        + "ladder. Supervised tasks at " + c.fractions().stream().map(f -> (f.value() * 100) + "%").toList()
                        + " of the training labels, seeds " + c.seeds() + ". Preset " + c.preset() + ".",
                table, figures, fullRun.resolve(RunFolder.METRICS), plotlyJs);
        seconds.put("report", since(t));
        seconds.put("total", since(t0));
        log.println(table.toMarkdown());
        seconds.forEach((k, v) -> log.printf(Locale.ROOT, "  %-28s %7.1f s%n", k, v));
        return new Outcome(table, page, seconds);
    }

    /** The preset pretraining runs with: the named one, with run-all's epochs and smoke settings. */
    private static PriorConfig pretrainingPreset(RunAllConfig c) {
        PriorConfig preset = PriorConfig.preset(c.preset());
        if (c.epochs() != null) {
            preset = PretrainJob.withEpochs(preset, c.epochs());
        }
        return c.smoke() ? preset.withBatchSize(4) : preset;
    }

    /** The first lane's result, and the PRIOR rung's outcome, whose runs the report's figures draw. */
    private record FirstLane(LaneResult lane, RungOutcome prior) {}

    /** The full three-stage PRIOR run, then the tasks of {@code rungs}, which are its stage checkpoints. */
    private static FirstLane priorRungs(RunAllConfig c, List<ai.djl.Device> devices, Consumer<String> phase,
                                        List<Rung> rungs) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path fullRun = c.out().resolve("pretrain-prior");
        long t = System.nanoTime();
        phase.accept("pretraining PRIOR (3 stages) in " + fullRun);
        new PretrainJob(c.data(), fullRun, pretrainingPreset(c), null, 0).run(devices,
                TrainOptions.defaults(fullRun).withMaxStepsPerStage(c.maxStepsPerStage()));
        seconds.put("pretrain PRIOR", since(t));
        List<LaneResult.RungSummary> summaries = new ArrayList<>();
        RungOutcome prior = null;
        TaskData data = new TaskData(c.data());
        for (Rung rung : rungs) {
            t = System.nanoTime();
            phase.accept("downstream tasks for rung '" + rung.label() + "'");
            RungOutcome outcome = downstream(rung, rung.checkpoint(fullRun, null), c, data, devices.get(0));
            summaries.add(outcome.summary(rung));
            prior = outcome; // the last rung is PRIOR
            seconds.put("tasks " + rung.label(), since(t));
        }
        return new FirstLane(new LaneResult(seconds, summaries), prior);
    }

    /**
     * Stage 1 with the global loss only (its own run), then the tasks of {@code rungs}
     * ({@link SecondLane#RUNGS}): random init, global only and "+ local alignment", whose checkpoint
     * the first lane writes; in a child JVM this lane waits for it if it is not there yet.
     */
    static LaneResult independentRungs(RunAllConfig c, List<ai.djl.Device> devices, Consumer<String> phase,
                                       List<Rung> rungs) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path globalRun = c.out().resolve("pretrain-global-only");
        PriorConfig preset = pretrainingPreset(c);
        StageConfig first = preset.stages().get(0);
        PriorConfig globalOnly = preset.withStages(List.of(new StageConfig(first.name(), first.epochs(), first.peakLr(),
                first.warmupEpochs(), first.weightDecay(), Map.of("global", 1.0), false)));
        long t = System.nanoTime();
        phase.accept("pretraining the global-only rung in " + globalRun);
        new PretrainJob(c.data(), globalRun, globalOnly, null, 0).run(devices,
                TrainOptions.defaults(globalRun).withMaxStepsPerStage(c.maxStepsPerStage()));
        seconds.put("pretrain global only", since(t));
        List<LaneResult.RungSummary> summaries = new ArrayList<>();
        TaskData data = new TaskData(c.data());
        Path fullRun = c.out().resolve("pretrain-prior");
        for (Rung rung : rungs) {
            Path ckpt = rung.checkpoint(fullRun, globalRun);
            if (ckpt != null && !Files.exists(ckpt)) {
                phase.accept("waiting for " + ckpt + " from the first lane");
                SecondLane.awaitFirstLane(ckpt);
            }
            t = System.nanoTime();
            phase.accept("downstream tasks for rung '" + rung.label() + "'");
            summaries.add(downstream(rung, ckpt, c, data, devices.get(0)).summary(rung));
            seconds.put("tasks " + rung.label(), since(t));
        }
        return new LaneResult(seconds, summaries);
    }

    /** Query images with the class of their top-ranked report and its first sentence. */
    private static HtmlReport.Plot retrievalFigure(RetrievalResult r, Path data, Path plots) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>(); // 5x200 image_path -> file
        new TaskData(data).fiveBy200().forEach(e -> files.put(e.imagePath(), e.image()));
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (RetrievalResult.Example e : r.examples()) {
            images.add(Images.enlarge(Images.of(ImageSources.defaults().read(files.get(e.image()))), 2));
            RetrievalResult.Hit top = e.hits().get(0);
            captions.add(e.className() + " -> " + top.className());
        }
        save(Images.grid(images, Math.min(5, Math.max(1, images.size())), captions), plots.resolve("retrieval.png"));
        return new HtmlReport.Plot("plots/retrieval.png", "image-to-text retrieval (PRIOR): query class -> class of the top report");
    }

    /**
     * What one rung's encoder yields on every task: the result rows, and the runs the figures draw
     * (100% labels, first seed; null when 100% is not among the fractions).
     */
    private record RungOutcome(List<ResultRow> rows, ClassificationResult roc, ZeroShotResult zeroShot,
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

    /** Every downstream task for the encoder of one rung ({@code ckpt} null = random init). */
    private static RungOutcome downstream(Rung rung, Path ckpt, RunAllConfig c, TaskData data, ai.djl.Device device)
            throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        ClassificationResult roc = null;
        SegmentationResult shownSegmentation = null;
        DetectionResult shownDetection = null;
        // One model for the tasks that keep the encoder frozen; its image features are encoded once
        // and shared by every probe (fraction x seed). The dense tasks fine-tune a fresh copy each.
        try (NDManager manager = NDManager.newBaseManager(device)) {
            PretrainedModel model = PretrainedModel.open(ckpt, c.data(), PriorConfig.preset(c.preset()), manager);
            FrozenFeatures frozen = new FrozenFeatures(model.model(), PROBE_BATCH, manager);
            for (long seed : c.seeds()) {
                for (DataFraction f : c.fractions()) {
                    double pct = f.value() * 100;
                    boolean shown = f.value() == 1.0 && seed == c.seeds().get(0);
                    ClassificationResult cr = ClassificationTask.run(model, data, ClassificationConfig.defaults(
                            ClassificationConfig.Dataset.CHEXPERT, ClassificationConfig.Mode.LINEAR_PROBE)
                            .withPreset(c.preset()).withFraction(f).withSeed(seed), manager, frozen);
                    rows.add(new ResultRow(rung.label(), "CheXpert linear probe", "macro AUROC", pct, seed, cr.macroAuroc()));
                    ClassificationResult rsna = ClassificationTask.run(model, data, ClassificationConfig.defaults(
                            ClassificationConfig.Dataset.RSNA, ClassificationConfig.Mode.LINEAR_PROBE)
                            .withPreset(c.preset()).withFraction(f).withSeed(seed), manager, frozen);
                    rows.add(new ResultRow(rung.label(), "RSNA linear probe", "AUROC", pct, seed, rsna.macroAuroc()));
                    // The dense tasks fine-tune: with a frozen encoder, a RANDOM ResNet under a trained U-Net
                    // neck localizes the synthetic opacities as well as PRIOR's (they are low-level blobs), so
                    // frozen runs cannot tell the encoders apart; fine-tuning compares what they start from.
                    SegmentationResult sr = Segmentation.run(c.data(), ckpt, SegmentationConfig.defaults()
                            .withPreset(c.preset()).withMode(DENSE_MODE).withFraction(f).withSeed(seed).withSteps(c.taskSteps(), 16));
                    rows.add(new ResultRow(rung.label(), SEGMENTATION, "Dice", pct, seed, sr.dice()));
                    DetectionResult dr = Detection.run(c.data(), ckpt, DetectionConfig.defaults()
                            .withPreset(c.preset()).withMode(DENSE_MODE).withFraction(f).withSeed(seed).withSteps(c.taskSteps(), 16));
                    rows.add(new ResultRow(rung.label(), DETECTION, "mAP 0.40-0.75", pct, seed, dr.rsnaMap()));
                    rows.add(new ResultRow(rung.label(), DETECTION, "mAP@0.5", pct, seed, dr.ap50()));
                    if (shown) {
                        roc = cr;
                        shownSegmentation = sr;
                        shownDetection = dr;
                    }
                }
            }
            // Zero-shot and retrieval train nothing: one run per rung.
            ZeroShotResult zs = ZeroShot.run(model, data.fiveBy200(), ZeroShotConfig.defaults().withPreset(c.preset()), manager);
            rows.add(new ResultRow(rung.label(), "zero-shot 5x200", "accuracy", 100, 0, zs.accuracy()));
            rows.add(new ResultRow(rung.label(), "zero-shot 5x200", "macro F1", 100, 0, zs.macroF1()));
            rows.add(new ResultRow(rung.label(), "zero-shot 5x200", "kappa", 100, 0, zs.kappa()));
            RetrievalConfig retrieval = RetrievalConfig.defaults().withPreset(c.preset());
            if (c.smoke()) { // a tiny set has too few test reports for a pool
                retrieval = retrieval.withSplits(java.util.Set.of("train", "validate", "test"));
            }
            RetrievalResult rr = ImageTextRetrieval.run(model, data.fiveBy200(),
                    ReportPool.fromMimic(data.mimicPairs(), retrieval.splits()), retrieval, manager);
            for (Map.Entry<Integer, Double> e : rr.imageToText().entrySet()) {
                rows.add(new ResultRow(rung.label(), "image-to-text retrieval", "P@" + e.getKey(), 100, 0, e.getValue()));
            }
            return new RungOutcome(rows, roc, zs, rr, shownSegmentation, shownDetection);
        }
    }

    /** Test images with the true (green) and predicted (red) pneumothorax masks. */
    private static HtmlReport.Plot segmentationFigure(SegmentationResult r, Path plots) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (SegmentationResult.Example e : r.examples()) {
            BufferedImage base = Images.of(e.image());
            BufferedImage withTruth = Overlays.mask(base, toFloats(e.truth()), Color.GREEN, 0.35f);
            images.add(Images.enlarge(Overlays.mask(withTruth, toFloats(e.predicted()), Color.RED, 0.35f), 2));
            captions.add(String.format(Locale.ROOT, "Dice %.2f", e.dice()));
        }
        save(Images.grid(images, Math.max(1, images.size()), captions), plots.resolve("segmentation.png"));
        return new HtmlReport.Plot("plots/segmentation.png", "SIIM segmentation (PRIOR, " + DENSE_MODE.label() + "): truth green, prediction red");
    }

    /** Test images with the true (green) and predicted (red) pneumonia boxes. */
    private static HtmlReport.Plot detectionFigure(DetectionResult r, Path plots) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (DetectionResult.Example e : r.examples()) {
            BufferedImage base = Images.of(e.image());
            BufferedImage truth = Overlays.boxes(base, e.truth(), Color.GREEN, null);
            images.add(Images.enlarge(Overlays.boxes(truth, e.predicted(), Color.RED, null), 2));
        }
        save(Images.grid(images, Math.max(1, images.size())), plots.resolve("detection.png"));
        return new HtmlReport.Plot("plots/detection.png", "RSNA detection (PRIOR, " + DENSE_MODE.label() + "): truth green, prediction red");
    }

    /** Sentence-to-region attention of the PRIOR model for the first test pair, one map per sentence. */
    private static HtmlReport.Plot attentionFigure(Path fullRun, RunAllConfig c, PriorConfig preset, Path plots)
            throws IOException {
        RunFolder run = RunFolder.open(fullRun, c.data(), preset);
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            PriorModel model = run.load(3, manager);
            List<MimicPair> pairs = run.pairs("test", 1);
            if (pairs.isEmpty()) {
                pairs = run.pairs("train", 1);
            }
            PretrainBatch batch = run.batch(pairs, manager);
            NDArray maps = SentenceAttention.maps(model, batch, true, new ParameterStore(manager, false)); // (1, S, h, w)
            BufferedImage base = Images.enlarge(Images.of(batch.images().get(0), org.priorkit.data.image.Normalization.PRIOR), 2);
            List<BufferedImage> images = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            List<String> sentences = pairs.get(0).sentences();
            int shown = (int) Math.min(sentences.size(), Math.min(4, maps.getShape().get(1)));
            for (int s = 0; s < shown; s++) {
                images.add(Overlays.heatmap(base, maps.get(new NDIndex("0, {}", s)), 0.45f)); // (h, w)
                String text = sentences.get(s);
                captions.add(text.length() > 40 ? text.substring(0, 37) + "..." : text);
            }
            save(Images.grid(images, Math.max(1, shown), captions), plots.resolve("attention.png"));
        }
        return new HtmlReport.Plot("plots/attention.png", "sentence-to-region attention of PRIOR's local alignment");
    }

    private static float[] toFloats(boolean[] mask) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] ? 1f : 0f;
        }
        return out;
    }

    private static void save(BufferedImage image, Path file) throws IOException {
        javax.imageio.ImageIO.write(image, "png", file.toFile());
    }

    private static double since(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
