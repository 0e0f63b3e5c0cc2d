package org.priorkit.tasks.detection;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Normalization;
import org.priorkit.device.Devices;
import org.priorkit.metrics.DetectionMap;
import org.priorkit.model.PriorModel;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.dense.DenseTrainer;
import org.priorkit.tasks.dense.Encoders;
import org.priorkit.vision.ResNet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Object detection on the PRIOR image encoder (the paper's downstream protocol): a CenterNet-style
 * head ({@link CenterNetHead}) on the ResNet's stage maps, trained on RSNA pneumonia positives with
 * {@link CenterNetLoss}, encoder frozen or fine-tuned, on 1% / 10% / 100% of the training split;
 * RSNA's challenge mAP (IoU 0.40..0.75) and AP at IoU 0.5 on the test split.
 *
 * <p>Why CenterNet and not RetinaNet or FCOS: RSNA images hold one to four large boxes, and on two
 * CPU cores every operator counts. CenterNet needs one output map (stride 4), no anchors (RetinaNet
 * has 9 per cell on 5 pyramid levels, plus anchor matching), no per-level assignment rules (FCOS),
 * and its targets encode and decode exactly, which a unit test pins. NMS is still applied to the
 * decoded peaks: the RSNA metric counts every duplicate as a false positive.
 *
 * <p>Score threshold: the RSNA metric (TP / (TP + FP + FN)) punishes low-scored extra boxes, so boxes
 * below a threshold are dropped for it; by default the threshold maximising the metric on the
 * validation split is used (0.05 to 0.95 in steps of 0.05). AP50 ranks all decoded boxes (thresholding
 * would only cut its precision-recall curve short).
 */
public final class Detection {

    /** Thresholds tried on the validation split. */
    static final double[] THRESHOLDS = java.util.stream.IntStream.rangeClosed(1, 19).mapToDouble(i -> i * 0.05).toArray();
    /** Used when the config gives none and there is no validation image. */
    static final double FALLBACK_THRESHOLD = 0.3;

    private Detection() {}

    /**
     * The entry the scripts call: the encoder of a pretraining run (a run folder or a .ckpt), or a
     * randomly initialised model of the config's preset (seeded by the config's seed) when
     * {@code runDirOrNull} is null.
     */
    public static DetectionResult run(Path dataRoot, Path runDirOrNull, DetectionConfig config) throws IOException {
        return run(new TaskData(dataRoot), runDirOrNull, config);
    }

    /** The entry {@code kit detect} calls: as above, on {@code data} with its share of unreadable records. */
    public static DetectionResult run(TaskData data, Path runDirOrNull, DetectionConfig config) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            PriorModel model = TaskModel.open(runDirOrNull, data.root(),
                    PriorConfig.preset(config.preset()).withSeed(config.seed()), manager).model();
            return run(model, data, config, manager);
        }
    }

    /** Reads RSNA under {@code dataRoot} at the config's (or the model's) image size and runs. */
    public static DetectionResult run(PriorModel model, Path dataRoot, DetectionConfig config, NDManager manager) {
        return run(model, new TaskData(dataRoot), config, manager);
    }

    /** Reads RSNA from {@code data} at the config's (or the model's) image size and runs. */
    public static DetectionResult run(PriorModel model, TaskData data, DetectionConfig config, NDManager manager) {
        long t0 = System.nanoTime();
        int size = imageSize(model, config);
        return run(model, DetectionData.load(data, config, size), config, size, manager, t0);
    }

    /** The image size a run uses: the config's, or the encoder's pretraining size when it says 0. */
    public static int imageSize(PriorModel model, DetectionConfig config) {
        return config.imageSize() > 0 ? config.imageSize() : model.config().image().imageSize();
    }

    /**
     * Trains a new head on {@code data.train()}, picks the score threshold on {@code data.val()} and
     * scores {@code data.test()}. When fine-tuning, {@code model}'s encoder is trained IN PLACE.
     */
    public static DetectionResult run(PriorModel model, DetectionData data, DetectionConfig config, int imageSize,
                                      NDManager manager) {
        return run(model, data, config, imageSize, manager, System.nanoTime());
    }

    private static DetectionResult run(PriorModel model, DetectionData data, DetectionConfig config, int imageSize,
                                       NDManager manager, long t0) {
        ResNet backbone = Encoders.backbone(model);
        CenterNetHead head = newHead(backbone, imageSize, config.seed(), manager);
        CenterNetLoss loss = config.loss();
        long tt = System.nanoTime();
        List<Float> losses = DenseTrainer.train(backbone, head, data.train(), config.trainer(),
                (ps, maps, b) -> loss.compute(head.forward(ps, maps, true), b.heatmap(), b.boxSize(), b.offset(), b.centres()),
                manager);
        double trainSeconds = (System.nanoTime() - tt) / 1e9;

        double threshold = config.scoreThreshold();
        double valMap = Double.NaN;
        if (data.val().size() > 0) {
            Predictions val = predict(backbone, head, data.val(), config, 0, manager);
            if (Double.isNaN(threshold)) {
                threshold = bestThreshold(val);
            }
            valMap = rsnaAt(val, threshold);
        } else if (Double.isNaN(threshold)) {
            threshold = FALLBACK_THRESHOLD;
        }
        Predictions test = predict(backbone, head, data.test(), config, config.examples(), manager);
        double rsna = rsnaAt(test, threshold);
        double ap50 = DetectionMap.ap50(test.boxes(), test.scores(), test.truth());
        double coco = DetectionMap.cocoMap(test.boxes(), test.scores(), test.truth());
        List<DetectionResult.Example> examples = new ArrayList<>();
        for (int i = 0; i < test.images().size(); i++) {
            CenterNetDecoder.Detections d = new CenterNetDecoder.Detections(test.boxes().get(i), test.scores().get(i))
                    .above(threshold);
            examples.add(new DetectionResult.Example(data.test().ids().get(i), test.images().get(i),
                    test.truth().get(i), d.boxes(), d.scores()));
        }
        return new DetectionResult(config, imageSize, rsna, ap50, coco, threshold, valMap, data.test().ids(), examples,
                (int) data.train().size(), losses, trainSeconds, (System.nanoTime() - t0) / 1e9);
    }

    /** A freshly initialised head for {@code backbone}'s maps of {@code imageSize} images, seeded. */
    public static CenterNetHead newHead(ResNet backbone, int imageSize, long seed, NDManager manager) {
        Engine.getInstance().setRandomSeed((int) seed);
        CenterNetHead head = CenterNetHead.builder().setStageChannels(backbone.getStageChannels()).build();
        head.initialize(manager, DataType.FLOAT32, backbone.getOutputShapes(new Shape[] {new Shape(2, 1, imageSize, imageSize)}));
        return head;
    }

    /**
     * Decoded boxes (all peaks after NMS, by descending score) and true boxes of every image of a set.
     *
     * @param images the first few inputs, back in [0, 1], for examples
     */
    record Predictions(List<double[][]> boxes, List<double[]> scores, List<double[][]> truth, List<GrayImage> images) {}

    /** Runs the detector over {@code set} and decodes every image. */
    static Predictions predict(ResNet backbone, CenterNetHead head, BoxSet set, DetectionConfig config, int keepImages,
                               NDManager manager) {
        CenterNetDecoder decoder = config.decoder();
        List<double[][]> boxes = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        List<double[][]> truth = new ArrayList<>();
        List<GrayImage> images = new ArrayList<>();
        DenseTrainer.forEachBatch(set, config.evalBatchSize(), manager, (first, batch, m) -> {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = batch.images();                                                   // (b, 1, H, W)
            NDList out = head.forward(ps, Encoders.features(ps, backbone, x, config.mode(), false), false);
            float[] heat = Activation.sigmoid(out.get(0)).toFloatArray();                 // (b, 1, h, w)
            float[] size = out.get(1).toFloatArray();                                     // (b, 2, h, w)
            float[] offset = out.get(2).toFloatArray();                                   // (b, 2, h, w)
            float[] truthFlat = batch.boxes().toFloatArray();                             // (b, M, 4)
            int b = (int) x.getShape().get(0);
            int imageH = (int) x.getShape().get(2);
            int imageW = (int) x.getShape().get(3);
            int mapH = (int) out.get(0).getShape().get(2);
            int mapW = (int) out.get(0).getShape().get(3);
            int cells = mapH * mapW;
            int maxBoxes = (int) batch.boxes().getShape().get(1);
            float[] pixels = first < keepImages ? x.toFloatArray() : null;
            for (int i = 0; i < b; i++) {
                CenterNetDecoder.Detections d = decoder.decode(
                        java.util.Arrays.copyOfRange(heat, i * cells, (i + 1) * cells),
                        java.util.Arrays.copyOfRange(size, 2 * i * cells, 2 * (i + 1) * cells),
                        java.util.Arrays.copyOfRange(offset, 2 * i * cells, 2 * (i + 1) * cells),
                        mapH, mapW, imageH, imageW);
                boxes.add(d.boxes());
                scores.add(d.scores());
                truth.add(BoxSet.realBoxes(truthFlat, i * maxBoxes * 4, maxBoxes));
                if (first + i < keepImages) {
                    int px = imageH * imageW;
                    images.add(unnormalize(java.util.Arrays.copyOfRange(pixels, i * px, (i + 1) * px), imageH, imageW));
                }
            }
        });
        return new Predictions(boxes, scores, truth, images);
    }

    /** The RSNA metric when boxes below {@code threshold} are dropped. */
    static double rsnaAt(Predictions p, double threshold) {
        List<double[][]> boxes = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (int i = 0; i < p.boxes().size(); i++) {
            CenterNetDecoder.Detections d = new CenterNetDecoder.Detections(p.boxes().get(i), p.scores().get(i))
                    .above(threshold);
            boxes.add(d.boxes());
            scores.add(d.scores());
        }
        return DetectionMap.rsna(boxes, scores, p.truth());
    }

    /** The threshold of {@link #THRESHOLDS} with the best RSNA metric (the lowest among ties). */
    static double bestThreshold(Predictions val) {
        double best = THRESHOLDS[0];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double t : THRESHOLDS) {
            double s = rsnaAt(val, t);
            if (s > bestScore) {
                bestScore = s;
                best = t;
            }
        }
        return best;
    }

    static GrayImage unnormalize(float[] x, int h, int w) {
        Normalization n = Normalization.PRIOR;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(1f, Math.max(0f, x[i] * n.std() + n.mean()));
        }
        return new GrayImage(h, w, out);
    }
}
