package org.priorkit.config;

import java.util.List;
import java.util.Map;

/**
 * Everything that shapes a PRIOR model and its three-stage pretraining. Two presets:
 * {@link #tiny()} trains in minutes on 2 CPU cores; {@link #paper()} is the paper's setting
 * (ResNet-50 at 224, BERT-base-sized text encoder, D 768, K 512, Q 16, 8-layer decoder).
 *
 * @param embedDim          D: the shared width of image tokens, sentences and global features
 * @param prototypes        K: sentence prototypes in the codebook
 * @param gumbelTau         Gumbel-softmax temperature (fixed, 0.9 in the paper's runs)
 * @param queries           Q: report-decoder queries; reports are truncated to Q sentences there
 * @param decoderLayers     transformer decoder layers of the prototype decoder
 * @param decoderHeads      attention heads of that decoder and of the poolings
 * @param globalTemperature initial temperature of the global InfoNCE (0.01)
 * @param localTemperature  initial temperature of the intra-report InfoNCE (0.01)
 * @param channelDropout    channel dropout before the image decoder (0.5)
 * @param augment           PRIOR's pretraining augmentation: +-5 degree rotation and a horizontal flip that
 *                          swaps the report's sides (the paper's, on in the paper preset; off in the tiny
 *                          one, where it slows learning more than it helps within the budget, lib/README)
 */
public record PriorConfig(String preset, long seed, int batchSize, ImageEncoderConfig image, TextEncoderConfig text,
                          int embedDim, int prototypes, double gumbelTau, int queries, int decoderLayers,
                          int decoderHeads, double globalTemperature, double localTemperature,
                          double channelDropout, boolean augment, List<StageConfig> stages) {

    public PriorConfig {
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be >= 2 (InfoNCE needs negatives), got " + batchSize);
        }
        if (embedDim < 2 || embedDim % 2 != 0) {
            throw new IllegalArgumentException("embedDim must be even (the SimSiam predictor halves it), got " + embedDim);
        }
        if (embedDim % decoderHeads != 0) {
            throw new IllegalArgumentException("embedDim (" + embedDim + ") must be divisible by decoderHeads (" + decoderHeads + ")");
        }
        if (embedDim % image.poolHeads() != 0) {
            throw new IllegalArgumentException("embedDim (" + embedDim + ") must be divisible by image.poolHeads (" + image.poolHeads() + ")");
        }
        if (prototypes < 2) {
            throw new IllegalArgumentException("prototypes (K) must be >= 2, got " + prototypes);
        }
        if (!(gumbelTau > 0)) {
            throw new IllegalArgumentException("gumbelTau must be > 0, got " + gumbelTau);
        }
        if (queries < 1 || decoderLayers < 1) {
            throw new IllegalArgumentException("queries and decoderLayers must be >= 1");
        }
        if (!(globalTemperature > 0) || !(localTemperature > 0)) {
            throw new IllegalArgumentException("temperatures must be > 0");
        }
        if (channelDropout < 0 || channelDropout >= 1) {
            throw new IllegalArgumentException("channelDropout must be in [0, 1), got " + channelDropout);
        }
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("at least one pretraining stage is needed");
        }
        stages = List.copyOf(stages);
    }

    /** The paper's three stages: epochs, peak LR, warmup and loss weights. */
    public static List<StageConfig> paperStages() {
        return List.of(
                new StageConfig("align", 20, 1e-5, 1, 1e-6,
                        Map.of("global", 1.0, "local_image", 1.0, "local_text", 1.0), false),
                new StageConfig("prototype", 30, 1e-5, 1, 1e-6,
                        Map.of("global", 1.0, "local_image", 1.0, "local_text", 1.0, "prototype_l1", 10.0), true),
                new StageConfig("reconstruct", 100, 5e-6, 5, 1e-6,
                        Map.of("global", 10.0, "local_image", 1.0, "local_text", 1.0, "prototype_l1", 10.0,
                                "image_reconstruction", 1.0, "report_l1", 10.0, "report_kl", 1.0,
                                "report_global_prediction", 1.0), true));
    }

    /** The paper's GPUs and batch per GPU: the global InfoNCE sees all 6 x 98 = 588 pairs of a step. */
    public static final int PAPER_GPUS = 6;
    public static final int PAPER_BATCH_PER_GPU = 98;

    /**
     * ResNet-50 at 224 px, BERT-base-sized text encoder (Bio_ClinicalBERT's shape), D 768, K 512, Q 16;
     * batch 588, the paper's 98 per GPU on 6 GPUs (split over the devices by {@code --device gpus}).
     */
    public static PriorConfig paper() {
        return new PriorConfig("paper", 42, PAPER_GPUS * PAPER_BATCH_PER_GPU,
                new ImageEncoderConfig(50, 224, 1, 8),
                new TextEncoderConfig(28996, 12, 768, 12, 3072, 256, 32),
                768, 512, 0.9, 16, 8, 8, 0.01, 0.01, 0.5, true, paperStages());
    }

    /** Weight of the two local-alignment terms in the tiny preset (the paper's is 1). */
    public static final double TINY_LOCAL_WEIGHT = 0.25;

    /**
     * A small model for 2 CPU cores: ResNet-18 at a quarter width on 64 px images, a 2-layer text
     * encoder 64 wide, D 64, K 128, Q 8, batch 32. It starts from scratch, not from ImageNet and
     * Bio_ClinicalBERT weights, so its learning rates are higher than the paper's and its stages
     * are measured in the default synthetic set's epochs (about 216 steps each): stage 1 eight epochs at
     * 1e-3, stages 2 and 3 one epoch each. What departs from the paper's recipe, and why (each
     * measured on the default synthetic set, see lib/README.md): no augmentation (within the budget
     * the flip and rotation slow learning more than they regularise); the local terms weigh
     * {@value #TINY_LOCAL_WEIGHT} (at 1 the global term learned less: 0.56 vs 0.52 ln B after stage
     * 1, zero-shot 0.53 vs 0.62); the global temperature starts at 0.07, CLIP's (the official 0.01
     * makes a from-scratch model collapse); K is 128 prototypes, not 512 (the synthetic reports have
     * 876 distinct sentences, the top 128 cover 86% of them).
     */
    public static PriorConfig tiny() {
        double local = TINY_LOCAL_WEIGHT;
        return new PriorConfig("tiny", 42, 32,
                new ImageEncoderConfig(18, 64, 4, 4),
                new TextEncoderConfig(1000, 2, 64, 4, 128, 96, 8),
                64, 128, 0.9, 8, 2, 4, 0.07, 0.07, 0.5, false, List.of(
                        new StageConfig("align", 8, 1e-3, 1, 1e-6,
                                Map.of("global", 1.0, "local_image", local, "local_text", local), false),
                        new StageConfig("prototype", 1, 3e-4, 0.25, 1e-6,
                                Map.of("global", 1.0, "local_image", local, "local_text", local, "prototype_l1", 10.0), true),
                        new StageConfig("reconstruct", 1, 5e-4, 0.25, 1e-6,
                                Map.of("global", 10.0, "local_image", local, "local_text", local, "prototype_l1", 10.0,
                                        "image_reconstruction", 1.0, "report_l1", 10.0, "report_kl", 1.0,
                                        "report_global_prediction", 1.0), true)));
    }

    /**
     * The tiny preset with stages short enough for a notebook: 800, 80 and 80 steps at most.
     * Measured on 2 CPU cores with the default set (generator version 2, one PyTorch thread): 2 min 48 s,
     * stage 1 ends at 0.61 ln B (mean of its last 50 steps), zero-shot after stage 3 0.33 (PRIOR's
     * prompt) and 0.49 (report-like prompts).
     */
    public static PriorConfig notebook() {
        PriorConfig t = tiny();
        List<StageConfig> stages = new java.util.ArrayList<>();
        for (int i = 0; i < t.stages().size(); i++) {
            stages.add(t.stages().get(i).withMaxSteps(NOTEBOOK_STEPS[i]));
        }
        return new PriorConfig("notebook", t.seed(), t.batchSize(), t.image(), t.text(), t.embedDim(), t.prototypes(),
                t.gumbelTau(), t.queries(), t.decoderLayers(), t.decoderHeads(), t.globalTemperature(),
                t.localTemperature(), t.channelDropout(), t.augment(), stages);
    }

    /** The notebook preset's steps per stage: align, prototype, reconstruct. */
    private static final int[] NOTEBOOK_STEPS = {800, 80, 80};

    /** The presets {@link #preset} knows. */
    public static final List<String> PRESETS = List.of("tiny", "notebook", "paper");

    /** A preset by name: "tiny", "notebook" or "paper". */
    public static PriorConfig preset(String name) {
        return switch (name) {
            case "tiny" -> tiny();
            case "notebook" -> notebook();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (known: "
                    + String.join(", ", PRESETS) + ")");
        };
    }

    /** A copy with another seed. */
    public PriorConfig withSeed(long newSeed) {
        return new PriorConfig(preset, newSeed, batchSize, image, text, embedDim, prototypes, gumbelTau, queries,
                decoderLayers, decoderHeads, globalTemperature, localTemperature, channelDropout, augment, stages);
    }

    /** A copy with another batch size (smoke runs on a few pairs; larger GPUs). */
    public PriorConfig withBatchSize(int newBatchSize) {
        return new PriorConfig(preset, seed, newBatchSize, image, text, embedDim, prototypes, gumbelTau, queries,
                decoderLayers, decoderHeads, globalTemperature, localTemperature, channelDropout, augment, stages);
    }

    /** A copy with PRIOR's augmentation on or off. */
    public PriorConfig withAugment(boolean on) {
        return new PriorConfig(preset, seed, batchSize, image, text, embedDim, prototypes, gumbelTau, queries,
                decoderLayers, decoderHeads, globalTemperature, localTemperature, channelDropout, on, stages);
    }

    /** A copy with other stages (e.g. fewer epochs for a smoke run, or only stage 1 for an ablation). */
    public PriorConfig withStages(List<StageConfig> newStages) {
        return new PriorConfig(preset, seed, batchSize, image, text, embedDim, prototypes, gumbelTau, queries,
                decoderLayers, decoderHeads, globalTemperature, localTemperature, channelDropout, augment, newStages);
    }

    /** A copy with another text encoder (e.g. once the vocabulary size is known). */
    public PriorConfig withText(TextEncoderConfig newText) {
        return new PriorConfig(preset, seed, batchSize, image, newText, embedDim, prototypes, gumbelTau, queries,
                decoderLayers, decoderHeads, globalTemperature, localTemperature, channelDropout, augment, stages);
    }
}
