package org.priorkit.tasks.classification;

import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.chexpert.ChexpertClasses;
import org.priorkit.data.chexpert.ChexpertRecord;
import org.priorkit.data.chexpert.LabelPolicy;
import org.priorkit.data.rsna.RsnaRecord;
import org.priorkit.data.split.PatientSplitter;
import org.priorkit.data.split.SplitRatios;
import org.priorkit.data.split.Splits;
import org.priorkit.device.Devices;
import org.priorkit.metrics.Auroc;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.tasks.FrozenFeatures;
import org.priorkit.tasks.TaskData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Supervised classification, the paper's first downstream task (the paper's downstream protocol).
 *
 * <ul>
 *   <li>CheXpert: the 5 competition labels, multi-label, CheXpert's label policy applied (default
 *       peers': uncertain = 1 for Atelectasis, Edema, Pleural Effusion, = 0 for the others; blank =
 *       0). train.csv is split BY PATIENT into train / val (8:2); the official valid.csv is the test
 *       set.</li>
 *   <li>RSNA: pneumonia (Target), binary; patients split 6:2:2 into train / val / test.</li>
 * </ul>
 * The training split is then cut to the label fraction ({@link LabelFraction}). Linear probe: the
 * features ({@link org.priorkit.tasks.ImageFeature}, by default the backbone's pooled map) of every split
 * extracted once from the frozen encoder, a linear head trained on them.
 * Fine-tuning: encoder and head trained together. Metrics on the test split: AUROC per class and
 * their mean, accuracy at 0.5.
 */
public final class ClassificationTask {

    /** CheXpert train.csv into train and val by patient. */
    public static final SplitRatios CHEXPERT_TRAIN_VAL = new SplitRatios(8, 2, 0);

    private ClassificationTask() {}

    /**
     * The entry the scripts call: {@code checkpoint} is a run folder or a .ckpt file, or null for a
     * randomly initialised model of {@code config.preset()}; real data may have the default share of
     * unreadable records.
     */
    public static ClassificationResult run(Path dataRoot, Path checkpoint, ClassificationConfig config)
            throws IOException {
        return run(new TaskData(dataRoot), checkpoint, config);
    }

    /** The entry {@code kit classify} calls: as above, on {@code data} with its share of unreadable records. */
    public static ClassificationResult run(TaskData data, Path checkpoint, ClassificationConfig config)
            throws IOException {
        long t0 = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            TaskModel model = TaskModel.open(checkpoint, data.root(), PriorConfig.preset(config.preset()), manager);
            return run(model, data, config, manager,
                    new FrozenFeatures(model.model(), config.feature(), config.batchSize(), manager), t0);
        }
    }

    /** Runs on an already loaded model (fine-tuning changes its image encoder). */
    public static ClassificationResult run(TaskModel model, TaskData data, ClassificationConfig config,
                                           NDManager manager) {
        return run(model, data, config, manager, new FrozenFeatures(model.model(), config.feature(), config.batchSize(), manager));
    }

    /**
     * Runs on an already loaded model; a linear probe takes its features from {@code frozen}, which
     * must belong to that model and may be shared by several probes of it (fine-tuning ignores it).
     */
    public static ClassificationResult run(TaskModel model, TaskData data, ClassificationConfig config,
                                           NDManager manager, FrozenFeatures frozen) {
        return run(model, data, config, manager, frozen, System.nanoTime());
    }

    private static ClassificationResult run(TaskModel tm, TaskData data, ClassificationConfig config,
                                            NDManager manager, FrozenFeatures frozen, long t0) {
        List<String> classes = classes(config.dataset());
        Splits<LabeledImage> splits = splits(data, config);
        List<LabeledImage> train = LabelFraction.sample(splits.train(), config.fraction(), config.seed(),
                config.minPositives());
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training images for " + config.dataset());
        }
        List<LabeledImage> val = splits.val();
        List<LabeledImage> test = splits.test();

        LinearProbe.Head head;
        int epochs;
        int bestEpoch;
        float[][] valFeatures;
        float[][] testFeatures;
        if (frozen.feature() != config.feature()) {
            throw new IllegalArgumentException("the shared features are " + frozen.feature().id() + " ones, the run asks for "
                    + config.feature().id());
        }
        if (config.mode() == ClassificationConfig.Mode.LINEAR_PROBE) {
            float[][] xTrain = frozen.of(images(train));
            valFeatures = frozen.of(images(val));
            testFeatures = frozen.of(images(test));
            LinearProbe.Trained t = LinearProbe.train(xTrain, targets(train), valFeatures, targets(val),
                    config.probe(), config.seed(), manager);
            head = t.head();
            epochs = t.epochsRun();
            bestEpoch = t.bestEpoch();
        } else {
            FineTune.Trained t = FineTune.train(tm.model(), train, val, config.feature(), config.fineTune(),
                    config.seed(), config.batchSize(), manager);
            head = t.head();
            epochs = t.epochsRun();
            bestEpoch = t.bestEpoch();
            FrozenFeatures tuned = new FrozenFeatures(tm.model(), config.feature(), config.batchSize(), manager); // the trained encoder's
            valFeatures = tuned.of(images(val));
            testFeatures = tuned.of(images(test));
        }

        double[][] testScores = head.probabilities(testFeatures);
        int[][] testLabels = labels(test);
        double[] perClass = test.isEmpty() ? nan(classes.size()) : Auroc.perClass(testScores, testLabels);
        double valMacro = val.isEmpty() ? Double.NaN
                : Auroc.macro(Auroc.perClass(head.probabilities(valFeatures), labels(val)));
        double[] accuracy = accuracy(testScores, testLabels, classes.size());
        double meanAccuracy = 0;
        for (double a : accuracy) {
            meanAccuracy += a / accuracy.length;
        }
        return new ClassificationResult(config.dataset().name(), config.mode().name(), config.fraction().value(),
                tm.source(), classes, perClass, Auroc.macro(perClass), accuracy, meanAccuracy, valMacro,
                train.size(), LabelFraction.positives(train, classes.size()), val.size(), test.size(), epochs,
                bestEpoch, (System.nanoTime() - t0) / 1e9, test.stream().map(LabeledImage::id).toList(),
                testScores, testLabels);
    }

    /** Class names of a data set's target vector. */
    public static List<String> classes(ClassificationConfig.Dataset dataset) {
        return dataset == ClassificationConfig.Dataset.CHEXPERT ? ChexpertClasses.COMPETITION : List.of("Pneumonia");
    }

    /** Train / val / test of the data set (before the label fraction), patient-level, seeded. */
    public static Splits<LabeledImage> splits(TaskData data, ClassificationConfig config) {
        if (config.dataset() == ClassificationConfig.Dataset.CHEXPERT) {
            List<LabeledImage> train = chexpert(data.chexpertTrain(), config.labelPolicy());
            Splits<LabeledImage> tv = PatientSplitter.split(train, LabeledImage::patient, CHEXPERT_TRAIN_VAL,
                    config.seed());
            return new Splits<>(tv.train(), tv.val(), chexpert(data.chexpertValid(), config.labelPolicy()));
        }
        List<LabeledImage> all = new ArrayList<>();
        for (RsnaRecord r : data.rsna()) {
            all.add(new LabeledImage(r.patientId(), r.patientId(), r.image(), new float[] {r.target()}));
        }
        return PatientSplitter.split(all, LabeledImage::patient, SplitRatios.PRIOR, config.seed());
    }

    static List<LabeledImage> chexpert(List<ChexpertRecord> records, LabelPolicy policy) {
        List<LabeledImage> out = new ArrayList<>(records.size());
        for (ChexpertRecord r : records) {
            out.add(new LabeledImage(r.path(), r.patientId(), r.image(),
                    policy.apply(ChexpertClasses.COMPETITION, r.labels())));
        }
        return out;
    }

    private static List<Path> images(List<LabeledImage> records) {
        return records.stream().map(LabeledImage::image).toList();
    }

    static float[][] targets(List<LabeledImage> records) {
        return records.stream().map(LabeledImage::targets).toArray(float[][]::new);
    }

    static int[][] labels(List<LabeledImage> records) {
        int[][] out = new int[records.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] t = records.get(i).targets();
            out[i] = new int[t.length];
            for (int c = 0; c < t.length; c++) {
                out[i][c] = (int) t[c];
            }
        }
        return out;
    }

    /** Per-class accuracy of thresholding the probabilities at 0.5 (NaN without test images). */
    static double[] accuracy(double[][] scores, int[][] labels, int classes) {
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int right = 0;
            for (int n = 0; n < scores.length; n++) {
                right += (scores[n][c] >= 0.5 ? 1 : 0) == labels[n][c] ? 1 : 0;
            }
            out[c] = scores.length == 0 ? Double.NaN : (double) right / scores.length;
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
