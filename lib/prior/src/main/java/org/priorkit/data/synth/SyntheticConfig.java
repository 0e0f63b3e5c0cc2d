package org.priorkit.data.synth;

/**
 * Settings of one synthetic data set. Immutable; change one setting with a {@code with...} method:
 * {@code SyntheticConfig.defaults().withSeed(7).withImageSize(224)}.
 *
 * @param seed                  everything follows from it: same seed and settings, same bytes
 * @param imageSize             side of the square images in pixels (default 128; real sets are ~1024)
 * @param difficulty            in [0, 1], default {@link #DEFAULT_DIFFICULTY}: lowers finding contrast and
 *                              raises noise, anatomical and exposure variation and co-occurring findings.
 *                              0 is near trivial; the default is meant to keep a linear probe on a random
 *                              encoder clearly below a pretrained one
 * @param subtleFraction        fraction of findings drawn with low severity (faint, "small", "mild")
 * @param normalFraction        fraction of MIMIC and CheXpert studies without any finding
 * @param mimicStudies          MIMIC-CXR-JPG studies (one report each, one or more images)
 * @param lateralFraction       fraction of MIMIC studies that also get a lateral image (to be filtered)
 * @param chexpertTrain         CheXpert train.csv rows, including the 5x200 single-label rows
 * @param chexpertValid         CheXpert valid.csv rows (the real one has 234)
 * @param fiveBy200PerClass     images per class of the 5x200 JSON (the real one has 200)
 * @param rsnaImages            RSNA images
 * @param rsnaPositiveFraction  fraction of RSNA images with pneumonia boxes
 * @param siimImages            SIIM images
 * @param siimPositiveFraction  fraction of SIIM images with a pneumothorax
 * @param siimMonochrome1Fraction fraction of SIIM DICOMs stored inverted (MONOCHROME1)
 */
public record SyntheticConfig(long seed, int imageSize, double difficulty, double subtleFraction,
                              double normalFraction, int mimicStudies, double lateralFraction,
                              int chexpertTrain, int chexpertValid, int fiveBy200PerClass, int rsnaImages,
                              double rsnaPositiveFraction, int siimImages, double siimPositiveFraction,
                              double siimMonochrome1Fraction) {

    /** Default difficulty: noisy, overlapping and often subtle, yet learnable. */
    public static final double DEFAULT_DIFFICULTY = 0.5;

    public SyntheticConfig {
        if (imageSize < 32 || imageSize > 1024) {
            throw new IllegalArgumentException("imageSize must be in [32, 1024]: " + imageSize);
        }
        requireFraction("difficulty", difficulty);
        requireFraction("subtleFraction", subtleFraction);
        requireFraction("normalFraction", normalFraction);
        requireFraction("lateralFraction", lateralFraction);
        requireFraction("rsnaPositiveFraction", rsnaPositiveFraction);
        requireFraction("siimPositiveFraction", siimPositiveFraction);
        requireFraction("siimMonochrome1Fraction", siimMonochrome1Fraction);
        if (mimicStudies < 0 || chexpertTrain < 0 || chexpertValid < 0 || fiveBy200PerClass < 0
                || rsnaImages < 0 || siimImages < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (chexpertTrain < 5 * fiveBy200PerClass) {
            throw new IllegalArgumentException("chexpertTrain (" + chexpertTrain + ") must hold the "
                    + 5 * fiveBy200PerClass + " single-label rows of the 5x200 set");
        }
    }

    /**
     * The default set: 8000 MIMIC studies, 2000 CheXpert train rows (1000 of them the 5x200 set) and 234
     * valid rows, 4000 RSNA and 4000 SIIM images, half of them positive, at 128 pixels. About 19,500 images.
     *
     * <p>MIMIC is the largest because pretraining learns from its pairs: with 2000 studies (1,730 training
     * pairs) stage 1 learned to tell the training pairs apart more than what they show (image-to-report
     * retrieval among 211 pairs: training pairs ranked 16-31 on average, held-out ones 66-93, chance 105);
     * with 8000 (6,900 training pairs) held-out pairs rank 28-31 (lib/README).
     *
     * <p>RSNA and SIIM are the large ones because detection and segmentation train on positives only:
     * 2000 positives split 6:2:2 leave 1,200 for training, so the 1% rung trains on 12 images (with 600
     * images at 35% positive it trained on ONE, and every encoder scored 0).
     */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(42, 128, DEFAULT_DIFFICULTY, 0.25, 0.3, 8000, 0.1, 2000, 234, 200,
                4000, 0.5, 4000, 0.5, 0.1);
    }

    /** A few dozen images at 64 pixels, for unit tests. */
    public static SyntheticConfig tiny() {
        return new SyntheticConfig(42, 64, DEFAULT_DIFFICULTY, 0.25, 0.3, 24, 0.2, 30, 10, 3,
                12, 0.5, 12, 0.5, 0.25);
    }

    public SyntheticConfig withSeed(long s) {
        return new SyntheticConfig(s, imageSize, difficulty, subtleFraction, normalFraction, mimicStudies,
                lateralFraction, chexpertTrain, chexpertValid, fiveBy200PerClass, rsnaImages,
                rsnaPositiveFraction, siimImages, siimPositiveFraction, siimMonochrome1Fraction);
    }

    public SyntheticConfig withImageSize(int size) {
        return new SyntheticConfig(seed, size, difficulty, subtleFraction, normalFraction, mimicStudies,
                lateralFraction, chexpertTrain, chexpertValid, fiveBy200PerClass, rsnaImages,
                rsnaPositiveFraction, siimImages, siimPositiveFraction, siimMonochrome1Fraction);
    }

    public SyntheticConfig withDifficulty(double d) {
        return new SyntheticConfig(seed, imageSize, d, subtleFraction, normalFraction, mimicStudies,
                lateralFraction, chexpertTrain, chexpertValid, fiveBy200PerClass, rsnaImages,
                rsnaPositiveFraction, siimImages, siimPositiveFraction, siimMonochrome1Fraction);
    }

    public SyntheticConfig withSubtleFraction(double f) {
        return new SyntheticConfig(seed, imageSize, difficulty, f, normalFraction, mimicStudies,
                lateralFraction, chexpertTrain, chexpertValid, fiveBy200PerClass, rsnaImages,
                rsnaPositiveFraction, siimImages, siimPositiveFraction, siimMonochrome1Fraction);
    }

    public SyntheticConfig withNormalFraction(double f) {
        return new SyntheticConfig(seed, imageSize, difficulty, subtleFraction, f, mimicStudies,
                lateralFraction, chexpertTrain, chexpertValid, fiveBy200PerClass, rsnaImages,
                rsnaPositiveFraction, siimImages, siimPositiveFraction, siimMonochrome1Fraction);
    }

    /** Same settings with every image count multiplied by {@code factor} (rounded, 5x200 kept feasible). */
    public SyntheticConfig scaled(double factor) {
        int per = (int) Math.round(fiveBy200PerClass * factor);
        return new SyntheticConfig(seed, imageSize, difficulty, subtleFraction, normalFraction,
                (int) Math.round(mimicStudies * factor), lateralFraction,
                Math.max(5 * per, (int) Math.round(chexpertTrain * factor)),
                (int) Math.round(chexpertValid * factor), per, (int) Math.round(rsnaImages * factor),
                rsnaPositiveFraction, (int) Math.round(siimImages * factor), siimPositiveFraction,
                siimMonochrome1Fraction);
    }

    private static void requireFraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + v);
        }
    }
}
