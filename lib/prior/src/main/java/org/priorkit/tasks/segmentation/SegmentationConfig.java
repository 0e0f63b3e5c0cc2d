package org.priorkit.tasks.segmentation;

import org.priorkit.data.split.DataFraction;
import org.priorkit.tasks.dense.DenseTrainer;
import org.priorkit.tasks.dense.EncoderMode;

/**
 * Settings of one segmentation run. Immutable; change one setting with a {@code with...} method.
 *
 * @param dataset        SIIM masks (the paper's set) or RSNA boxes filled as masks
 * @param mode           frozen encoder (only the decoder trains) or fine-tuning
 * @param fraction       share of the training split used (1%, 10%, 100%), seeded
 * @param positivesOnly  train and test on images with a finding only (the paper's protocol)
 * @param imageSize      input side in pixels; 0 = the encoder's pretraining size (tiny preset: 64)
 * @param batchSize      images per step
 * @param steps          optimizer steps (fixed whatever the fraction; see {@link DenseTrainer})
 * @param lr             peak learning rate of the decoder
 * @param encoderLrFactor fine-tuning only: the encoder's LR is lr times this
 * @param weightDecay    AdamW weight decay
 * @param bceWeight      weight of the BCE term ({@link SegmentationLoss})
 * @param diceWeight     weight of the soft Dice term
 * @param threshold      probability above which a pixel is predicted positive (0.5)
 * @param evalBatchSize  images per evaluation batch
 * @param examples       test images kept with their masks for overlays
 * @param seed           split, fraction, initialisation, batch order
 * @param preset         model preset of a random-init run (ignored when a checkpoint is given)
 */
public record SegmentationConfig(Dataset dataset, EncoderMode mode, DataFraction fraction, boolean positivesOnly,
                                 int imageSize, int batchSize, int steps, double lr, double encoderLrFactor,
                                 double weightDecay, double bceWeight, double diceWeight, double threshold,
                                 int evalBatchSize, int examples, long seed, String preset) {

    /** Which masks to segment. */
    public enum Dataset {
        /** SIIM-ACR pneumothorax, masks from the RLE CSV. */
        SIIM,
        /** RSNA pneumonia, each box filled as a rectangle of mask. */
        RSNA_BOXES;

        /** "siim" or "rsna" (any case). */
        public static Dataset parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "siim" -> SIIM;
                case "rsna", "rsna-boxes", "rsna_boxes" -> RSNA_BOXES;
                default -> throw new IllegalArgumentException("segmentation data set '" + text + "' is not siim or rsna");
            };
        }
    }

    public SegmentationConfig {
        if (dataset == null || mode == null || fraction == null || preset == null) {
            throw new IllegalArgumentException("dataset, mode, fraction and preset are required");
        }
        if (imageSize != 0 && (imageSize < 32 || imageSize % 32 != 0)) {
            throw new IllegalArgumentException("imageSize must be 0 (the encoder's) or a multiple of 32, got " + imageSize);
        }
        if (evalBatchSize < 1 || examples < 0) {
            throw new IllegalArgumentException("evalBatchSize must be >= 1 and examples >= 0");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        new SegmentationLoss(bceWeight, diceWeight); // validates the weights
        new DenseTrainer.Settings(mode, batchSize, steps, lr, encoderLrFactor, weightDecay, 0, seed); // validates
    }

    /**
     * The default: SIIM positives, frozen encoder, 100% of the training split, 128 px input (as
     * detection: a pneumothorax rim is a pixel or two wide at 64 px; fine-tuned from stage 1 at 1% of the
     * labels, Dice 0.324 at 128 px against random init's 0.262, and 0.227 against 0.197 at 64 px), 120 steps
     * of 16 images at LR 2e-3, BCE + Dice with equal weights.
     */
    public static SegmentationConfig defaults() {
        return new SegmentationConfig(Dataset.SIIM, EncoderMode.FROZEN, DataFraction.ALL, true, 128, 16, 120, 2e-3,
                1.0, 1e-4, 1.0, 1.0, 0.5, 32, 4, 42, "tiny");
    }

    /** Settings for the training loop. */
    public DenseTrainer.Settings trainer() {
        return new DenseTrainer.Settings(mode, batchSize, steps, lr, encoderLrFactor, weightDecay, 0.1, seed);
    }

    public SegmentationLoss loss() {
        return new SegmentationLoss(bceWeight, diceWeight);
    }

    public SegmentationConfig withDataset(Dataset d) {
        return new SegmentationConfig(d, mode, fraction, positivesOnly, imageSize, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    public SegmentationConfig withMode(EncoderMode m) {
        return new SegmentationConfig(dataset, m, fraction, positivesOnly, imageSize, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    public SegmentationConfig withFraction(DataFraction f) {
        return new SegmentationConfig(dataset, mode, f, positivesOnly, imageSize, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    public SegmentationConfig withPositivesOnly(boolean p) {
        return new SegmentationConfig(dataset, mode, fraction, p, imageSize, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    public SegmentationConfig withImageSize(int s) {
        return new SegmentationConfig(dataset, mode, fraction, positivesOnly, s, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    /** Steps and batch size together (the two knobs of a time budget). */
    public SegmentationConfig withSteps(int newSteps, int newBatchSize) {
        return new SegmentationConfig(dataset, mode, fraction, positivesOnly, imageSize, newBatchSize, newSteps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    public SegmentationConfig withLearningRate(double newLr, double newEncoderLrFactor) {
        return new SegmentationConfig(dataset, mode, fraction, positivesOnly, imageSize, batchSize, steps, newLr,
                newEncoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, preset);
    }

    public SegmentationConfig withSeed(long s) {
        return new SegmentationConfig(dataset, mode, fraction, positivesOnly, imageSize, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, s, preset);
    }

    public SegmentationConfig withPreset(String p) {
        return new SegmentationConfig(dataset, mode, fraction, positivesOnly, imageSize, batchSize, steps, lr,
                encoderLrFactor, weightDecay, bceWeight, diceWeight, threshold, evalBatchSize, examples, seed, p);
    }
}
