package org.priorkit.tasks.detection;

import org.priorkit.data.split.DataFraction;
import org.priorkit.tasks.dense.DenseTrainer;
import org.priorkit.tasks.dense.EncoderMode;

/**
 * Settings of one detection run. Immutable; change one setting with a {@code with...} method.
 *
 * @param mode            frozen encoder (only the head trains) or fine-tuning
 * @param fraction        share of the training split used (1%, 10%, 100%), seeded
 * @param positivesOnly   train and test on images with pneumonia boxes only (the paper's protocol)
 * @param flip            mirror training images left-right at random, boxes with them
 * @param imageSize       input side in pixels; 0 = the encoder's pretraining size (tiny preset: 64)
 * @param batchSize       images per step
 * @param steps           optimizer steps (fixed whatever the fraction)
 * @param lr              peak learning rate of the head
 * @param encoderLrFactor fine-tuning only: the encoder's LR is lr times this
 * @param weightDecay     AdamW weight decay
 * @param sizeWeight      weight of the size L1 ({@link CenterNetLoss})
 * @param offsetWeight    weight of the offset L1
 * @param topK            heatmap peaks decoded per image
 * @param nmsIou          NMS IoU threshold
 * @param scoreThreshold  boxes scoring below it are dropped for the RSNA metric; NaN = choose the
 *                        threshold that maximises the RSNA metric on the validation split
 * @param evalBatchSize   images per evaluation batch
 * @param examples        test images kept with their boxes for the notebooks
 * @param seed            split, fraction, initialisation, batch order
 * @param preset          model preset of a random-init run (ignored when a checkpoint is given)
 */
public record DetectionConfig(EncoderMode mode, DataFraction fraction, boolean positivesOnly, boolean flip, int imageSize,
                              int batchSize, int steps, double lr, double encoderLrFactor, double weightDecay,
                              double sizeWeight, double offsetWeight, int topK, double nmsIou, double scoreThreshold,
                              int evalBatchSize, int examples, long seed, String preset) {

    public DetectionConfig {
        if (mode == null || fraction == null || preset == null) {
            throw new IllegalArgumentException("mode, fraction and preset are required");
        }
        if (imageSize != 0 && (imageSize < 32 || imageSize % 32 != 0)) {
            throw new IllegalArgumentException("imageSize must be 0 (the encoder's) or a multiple of 32, got " + imageSize);
        }
        if (evalBatchSize < 1 || examples < 0) {
            throw new IllegalArgumentException("evalBatchSize must be >= 1 and examples >= 0");
        }
        if (!Double.isNaN(scoreThreshold) && !(scoreThreshold >= 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("scoreThreshold must be NaN (tune on val) or in [0, 1), got " + scoreThreshold);
        }
        new CenterNetLoss(sizeWeight, offsetWeight); // validates
        new CenterNetDecoder(CenterNetHead.STRIDE, topK, nmsIou); // validates
        new DenseTrainer.Settings(mode, batchSize, steps, lr, encoderLrFactor, weightDecay, 0, seed); // validates
    }

    /**
     * The default: RSNA positives, frozen encoder, 100% of the training split, random left-right mirroring, 128 px input (the
     * synthetic set's own size: its boxes are 15-30 px there, 2 cells at stride 4 of a 64 px input
     * would be too coarse), 120 steps of 16 images at LR 6e-3, size weight 0.4 and offset weight 1
     * (CenterNet's), top 20 peaks, NMS at IoU 0.5, score threshold tuned on the validation split.
     * LR 6e-3 rather than 2e-3: 120 steps at 2e-3 left the head undertrained (default set, 1% labels,
     * fine-tuned: RSNA mAP 0.01-0.06 at 2e-3, 0.05-0.12 at 6e-3, for random init and PRIOR alike).
     * Training images are mirrored left-right at random, as detectors are usually trained: at 1% (12
     * images, fine-tuned, task seeds 1/2/3) it raised RSNA mAP from 0.026/0.080/0.054 to 0.069/0.162/0.155
     * for random init and from 0.067/0.106/0.043 to 0.157/0.227/0.189 for PRIOR (lib/README).
     */
    public static DetectionConfig defaults() {
        return new DetectionConfig(EncoderMode.FROZEN, DataFraction.ALL, true, true, 128, 16, 120, 6e-3, 1.0, 1e-4,
                0.4, 1.0, 20, 0.5, Double.NaN, 32, 4, 42, "tiny");
    }

    public DenseTrainer.Settings trainer() {
        return new DenseTrainer.Settings(mode, batchSize, steps, lr, encoderLrFactor, weightDecay, 0.1, seed);
    }

    public CenterNetLoss loss() {
        return new CenterNetLoss(sizeWeight, offsetWeight);
    }

    public CenterNetDecoder decoder() {
        return new CenterNetDecoder(CenterNetHead.STRIDE, topK, nmsIou);
    }

    public DetectionConfig withMode(EncoderMode m) {
        return new DetectionConfig(m, fraction, positivesOnly, flip, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, seed, preset);
    }

    public DetectionConfig withFraction(DataFraction f) {
        return new DetectionConfig(mode, f, positivesOnly, flip, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, seed, preset);
    }

    public DetectionConfig withPositivesOnly(boolean p) {
        return new DetectionConfig(mode, fraction, p, flip, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, seed, preset);
    }

    public DetectionConfig withImageSize(int s) {
        return new DetectionConfig(mode, fraction, positivesOnly, flip, s, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, seed, preset);
    }

    /** Steps and batch size together (the two knobs of a time budget). */
    public DetectionConfig withSteps(int newSteps, int newBatchSize) {
        return new DetectionConfig(mode, fraction, positivesOnly, flip, imageSize, newBatchSize, newSteps, lr,
                encoderLrFactor, weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize,
                examples, seed, preset);
    }

    public DetectionConfig withLearningRate(double newLr, double newEncoderLrFactor) {
        return new DetectionConfig(mode, fraction, positivesOnly, flip, imageSize, batchSize, steps, newLr,
                newEncoderLrFactor, weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize,
                examples, seed, preset);
    }

    public DetectionConfig withScoreThreshold(double t) {
        return new DetectionConfig(mode, fraction, positivesOnly, flip, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, t, evalBatchSize, examples, seed, preset);
    }

    public DetectionConfig withFlip(boolean f) {
        return new DetectionConfig(mode, fraction, positivesOnly, f, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, seed, preset);
    }

    public DetectionConfig withSeed(long s) {
        return new DetectionConfig(mode, fraction, positivesOnly, flip, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, s, preset);
    }

    public DetectionConfig withPreset(String p) {
        return new DetectionConfig(mode, fraction, positivesOnly, flip, imageSize, batchSize, steps, lr, encoderLrFactor,
                weightDecay, sizeWeight, offsetWeight, topK, nmsIou, scoreThreshold, evalBatchSize, examples, seed, p);
    }
}
