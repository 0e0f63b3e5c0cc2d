package org.priorkit.runall;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.device.Devices;
import org.priorkit.pretrain.PretrainBatch;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.SentenceAttention;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.report.HtmlReport;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.detection.DetectionResult;
import org.priorkit.tasks.retrieval.RetrievalResult;
import org.priorkit.tasks.segmentation.SegmentationResult;
import org.priorkit.train.MetricsLog;
import org.priorkit.viz.Charts;
import org.priorkit.viz.Images;
import org.priorkit.viz.Overlays;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's figures, written as PNGs into {@code plots/}: PRIOR's loss curves, one ROC curve per
 * rung, the zero-shot confusion matrix, retrieval, segmentation and detection examples, and the
 * sentence-to-region attention of the PRIOR model.
 */
final class ReportFigures {

    private ReportFigures() {}

    /** Every figure, in the page's order. {@code prior} is the PRIOR rung's outcome, whose runs the examples show. */
    static List<HtmlReport.Plot> write(RunAllConfig c, Ladder ladder, List<LaneResult.RungSummary> rungs,
                                       RungTasks.Outcome prior, Path plots) throws IOException {
        Files.createDirectories(plots);
        List<HtmlReport.Plot> figures = new ArrayList<>();
        List<Map<String, Object>> metrics = MetricsLog.read(ladder.fullRun().resolve(RunFolder.METRICS));
        Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
        runs.put("PRIOR (stages 1-3)", metrics);
        Path globalMetrics = ladder.globalRun().resolve(RunFolder.METRICS);
        if (Files.exists(globalMetrics)) {
            runs.put("global only", MetricsLog.read(globalMetrics));
        }
        Charts.savePng(Charts.globalAlignment(runs, ladder.preset().batchSize(), 25), plots.resolve("global-alignment.png"));
        figures.add(new HtmlReport.Plot("plots/global-alignment.png",
                "is pretraining learning? The global InfoNCE over ln B (1 = chance), mean of 25 steps"));
        Charts.savePngRow(Charts.lossCurvesByStage(metrics), plots.resolve("losses.png"));
        figures.add(new HtmlReport.Plot("plots/losses.png", "every loss term, unweighted, one panel per stage (PRIOR run)"));
        HtmlReport.Plot roc = rocFigure(rungs, plots);
        if (roc != null) {
            figures.add(roc);
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
        figures.add(attentionFigure(ladder, c.data(), plots));
        return figures;
    }

    /** The CheXpert probe's ROC curve at 100% labels of every rung that ran it; null when none did. */
    private static HtmlReport.Plot rocFigure(List<LaneResult.RungSummary> rungs, Path plots) throws IOException {
        Map<String, double[][]> curves = new LinkedHashMap<>();
        String rocClass = null;
        for (LaneResult.RungSummary r : rungs) {
            if (r.roc() != null) {
                rocClass = r.roc().className();
                curves.put(String.format(Locale.ROOT, "%s (AUROC %.3f)", r.rung().label(), r.roc().auroc()),
                        new double[][] {r.roc().fpr(), r.roc().tpr()});
            }
        }
        if (curves.isEmpty()) {
            return null;
        }
        Charts.savePng(Charts.rocCurves("CheXpert linear probe, 100% labels: " + rocClass, curves), plots.resolve("roc.png"));
        return new HtmlReport.Plot("plots/roc.png", "ROC curves, one per rung (CheXpert test set)");
    }

    /** Query images with the class of their top-ranked report. */
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
        save(Images.withLegend(Images.grid(images, Math.max(1, images.size()), captions), truthAndPrediction()),
                plots.resolve("segmentation.png"));
        return new HtmlReport.Plot("plots/segmentation.png", "SIIM segmentation (PRIOR, "
                + RungTasks.DENSE_MODE.label() + "): truth green, prediction red");
    }

    /** Test images with the true (green) and predicted (red) pneumonia boxes. */
    private static HtmlReport.Plot detectionFigure(DetectionResult r, Path plots) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (DetectionResult.Example e : r.examples()) {
            BufferedImage base = Images.of(e.image());
            BufferedImage truth = Overlays.boxes(base, e.truth(), Color.GREEN, null);
            images.add(Images.enlarge(Overlays.boxes(truth, e.predicted(), Color.RED, null), 2));
        }
        save(Images.withLegend(Images.grid(images, Math.max(1, images.size())), truthAndPrediction()),
                plots.resolve("detection.png"));
        return new HtmlReport.Plot("plots/detection.png", "RSNA detection (PRIOR, "
                + RungTasks.DENSE_MODE.label() + "): truth green, prediction red");
    }

    /** Sentence-to-region attention of the PRIOR rung's model for the first test pair, one map per sentence. */
    private static HtmlReport.Plot attentionFigure(Ladder ladder, Path data, Path plots) throws IOException {
        RunFolder run = RunFolder.open(ladder.fullRun(), data, ladder.preset());
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            TaskModel prior = TaskModel.load(ladder.checkpoint(Rung.PRIOR), manager);
            List<MimicPair> pairs = run.pairs("test", 1);
            if (pairs.isEmpty()) {
                pairs = run.pairs("train", 1);
            }
            PretrainBatch batch = run.batch(pairs, manager);
            NDArray maps = SentenceAttention.maps(prior.model(), batch, prior.usePrototypes(),
                    new ParameterStore(manager, false)); // (1, S, h, w)
            BufferedImage base = Images.enlarge(Images.of(batch.images().get(0), Normalization.PRIOR), 2);
            List<BufferedImage> images = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            List<String> sentences = pairs.get(0).sentences();
            int shown = (int) Math.min(sentences.size(), Math.min(4, maps.getShape().get(1)));
            for (int s = 0; s < shown; s++) {
                images.add(Overlays.heatmap(base, maps.get(new NDIndex("0, {}", s)), 0.45f)); // (h, w)
                String text = sentences.get(s);
                captions.add(text); // the grid wraps it under the map
            }
            save(Images.grid(images, Math.max(1, shown), captions), plots.resolve("attention.png"));
        }
        return new HtmlReport.Plot("plots/attention.png", "sentence-to-region attention of PRIOR's local alignment");
    }

    /** The legend of the segmentation and detection pictures. */
    private static Map<String, Color> truthAndPrediction() {
        Map<String, Color> legend = new LinkedHashMap<>();
        legend.put("truth", Color.GREEN);
        legend.put("prediction", Color.RED);
        return legend;
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
}
