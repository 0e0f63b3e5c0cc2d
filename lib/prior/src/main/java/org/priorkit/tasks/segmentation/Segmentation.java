package org.priorkit.tasks.segmentation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Normalization;
import org.priorkit.device.Devices;
import org.priorkit.metrics.Dice;
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
 * Semantic segmentation on the PRIOR image encoder (the paper's downstream protocol): a U-Net-style
 * decoder ({@link SegmentationHead}) on the ResNet's C2..C5 maps, trained with BCE + Dice
 * ({@link SegmentationLoss}) on SIIM pneumothorax positives (or RSNA boxes as masks), encoder frozen
 * or fine-tuned, on 1% / 10% / 100% of the training split; Dice on the test split.
 *
 * <pre>
 *   SegmentationResult r = Segmentation.run(Path.of("data/synthetic"), Path.of("runs/prior"),
 *           SegmentationConfig.defaults().withFraction(DataFraction.TEN_PERCENT));
 *   System.out.println(r.summary());
 * </pre>
 */
public final class Segmentation {

    private Segmentation() {}

    /**
     * The entry the scripts call: the encoder of a pretraining run (a run folder or a .ckpt), or a
     * randomly initialised model of the config's preset (seeded by the config's seed) when
     * {@code runDirOrNull} is null.
     */
    public static SegmentationResult run(Path dataRoot, Path runDirOrNull, SegmentationConfig config) throws IOException {
        return run(new TaskData(dataRoot), runDirOrNull, config);
    }

    /** The entry {@code kit segment} calls: as above, on {@code data} with its share of unreadable records. */
    public static SegmentationResult run(TaskData data, Path runDirOrNull, SegmentationConfig config) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            PriorModel model = TaskModel.open(runDirOrNull, data.root(),
                    PriorConfig.preset(config.preset()).withSeed(config.seed()), manager).model();
            return run(model, data, config, manager);
        }
    }

    /** Reads the data under {@code dataRoot} at the config's (or the model's) image size and runs. */
    public static SegmentationResult run(PriorModel model, Path dataRoot, SegmentationConfig config,
                                         NDManager manager) {
        return run(model, new TaskData(dataRoot), config, manager);
    }

    /** Reads SIIM or RSNA from {@code data} at the config's (or the model's) image size and runs. */
    public static SegmentationResult run(PriorModel model, TaskData data, SegmentationConfig config,
                                         NDManager manager) {
        long t0 = System.nanoTime();
        int size = imageSize(model, config);
        return run(model, SegmentationData.load(data, config, size), config, size, manager, t0);
    }

    /** The image size a run uses: the config's, or the encoder's pretraining size when it says 0. */
    public static int imageSize(PriorModel model, SegmentationConfig config) {
        return config.imageSize() > 0 ? config.imageSize() : model.config().image().imageSize();
    }

    /**
     * Trains a new head on {@code data.train()} and measures Dice on {@code data.test()}. When
     * fine-tuning, {@code model}'s encoder is trained IN PLACE: load a fresh model for the next run.
     */
    public static SegmentationResult run(PriorModel model, SegmentationData data, SegmentationConfig config,
                                         int imageSize, NDManager manager) {
        return run(model, data, config, imageSize, manager, System.nanoTime());
    }

    private static SegmentationResult run(PriorModel model, SegmentationData data, SegmentationConfig config,
                                          int imageSize, NDManager manager, long t0) {
        ResNet backbone = Encoders.backbone(model);
        SegmentationHead head = newHead(backbone, imageSize, config.seed(), manager);
        SegmentationLoss loss = config.loss();
        long tt = System.nanoTime();
        List<Float> losses = DenseTrainer.train(backbone, head, data.train(), config.trainer(),
                (ps, maps, batch) -> loss.compute(head.forward(ps, maps, true).head(), batch.masks()), manager);
        double trainSeconds = (System.nanoTime() - tt) / 1e9;
        Evaluation e = evaluate(backbone, head, data.test(), config, manager);
        return new SegmentationResult(config, imageSize, Dice.mean(e.predicted, e.truth), e.dice, data.test().ids(),
                e.examples, (int) data.train().size(), losses, trainSeconds, (System.nanoTime() - t0) / 1e9);
    }

    /** A freshly initialised head for {@code backbone}'s maps of {@code imageSize} images, seeded. */
    public static SegmentationHead newHead(ResNet backbone, int imageSize, long seed, NDManager manager) {
        Engine.getInstance().setRandomSeed((int) seed);
        SegmentationHead head = SegmentationHead.builder().setStageChannels(backbone.getStageChannels()).build();
        head.initialize(manager, DataType.FLOAT32, backbone.getOutputShapes(new Shape[] {new Shape(2, 1, imageSize, imageSize)}));
        return head;
    }

    /** Per-image predictions and truths of a set, plus the first few as examples. */
    record Evaluation(boolean[][] predicted, boolean[][] truth, double[] dice, List<SegmentationResult.Example> examples) {}

    /** Predicted masks (probability > threshold) of every image of {@code set}, in order. */
    static Evaluation evaluate(ResNet backbone, SegmentationHead head, MaskSet set, SegmentationConfig config,
                               NDManager manager) {
        int n = (int) set.size();
        boolean[][] predicted = new boolean[n][];
        boolean[][] truth = new boolean[n][];
        float[][] images = new float[Math.min(n, config.examples())][];
        float logitThreshold = (float) Math.log(config.threshold() / (1 - config.threshold()));
        int[] hw = new int[2];
        DenseTrainer.forEachBatch(set, config.evalBatchSize(), manager, (first, batch, m) -> {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = batch.images();                                                   // (b, 1, H, W)
            NDList maps = Encoders.features(ps, backbone, x, config.mode(), false);
            float[] logits = head.forward(ps, maps, false).head().toFloatArray();         // (b, 1, H, W)
            float[] masks = batch.masks().toFloatArray();                                 // (b, 1, H, W)
            int h = (int) x.getShape().get(2);
            int w = (int) x.getShape().get(3);
            hw[0] = h;
            hw[1] = w;
            int px = h * w;
            float[] pixels = first < images.length ? x.toFloatArray() : null;
            for (int i = 0; i < x.getShape().get(0); i++) {
                boolean[] p = new boolean[px];
                boolean[] t = new boolean[px];
                for (int j = 0; j < px; j++) {
                    p[j] = logits[i * px + j] > logitThreshold;
                    t[j] = masks[i * px + j] > 0.5f;
                }
                predicted[first + i] = p;
                truth[first + i] = t;
                if (first + i < images.length) {
                    float[] img = new float[px];
                    System.arraycopy(pixels, i * px, img, 0, px);
                    images[first + i] = img;
                }
            }
        });
        double[] dice = new double[n];
        for (int i = 0; i < n; i++) {
            dice[i] = Dice.of(predicted[i], truth[i]);
        }
        List<SegmentationResult.Example> examples = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            examples.add(new SegmentationResult.Example(set.ids().get(i), unnormalize(images[i], hw[0], hw[1]),
                    truth[i], predicted[i], dice[i]));
        }
        return new Evaluation(predicted, truth, dice, examples);
    }

    /** The model input back in [0, 1] (the loader normalised it with {@link Normalization#PRIOR}). */
    static GrayImage unnormalize(float[] x, int h, int w) {
        Normalization n = Normalization.PRIOR;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(1f, Math.max(0f, x[i] * n.std() + n.mean()));
        }
        return new GrayImage(h, w, out);
    }
}
