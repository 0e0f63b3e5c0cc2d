package org.priorkit.tasks.classification;

import org.priorkit.data.chexpert.LabelPolicy;
import org.priorkit.data.split.DataFraction;

import org.priorkit.tasks.ImageFeature;

import java.util.Objects;

/**
 * One supervised classification run.
 *
 * @param dataset      CheXpert (5 competition labels, multi-label) or RSNA (pneumonia, binary)
 * @param mode         linear probe on the frozen encoder, or full fine-tuning
 * @param fraction     share of the training split's labels used (1%, 10%, 100%)
 * @param seed         split, fraction sample, head initialisation and batch order
 * @param labelPolicy  CheXpert's blank and uncertain labels to targets (default: peers')
 * @param preset       model preset of a random-init run (ignored when a checkpoint is given)
 * @param batchSize    images per forward pass when extracting features
 * @param minPositives each class gets at least this many positives in the fraction sample
 * @param feature      what the linear head reads: the backbone's pooled map (default, as MGCA and LOVT) or
 *                     the projected global embedding
 * @param probe        linear-probe training
 * @param fineTune     fine-tuning training
 */
public record ClassificationConfig(Dataset dataset, Mode mode, DataFraction fraction, long seed,
                                   LabelPolicy labelPolicy, String preset, int batchSize, int minPositives,
                                   ImageFeature feature, LinearProbe.Options probe, FineTune.Options fineTune) {

    /** Which data set and labels. */
    public enum Dataset { CHEXPERT, RSNA }

    /** Frozen encoder with a trained linear head, or everything trained. */
    public enum Mode { LINEAR_PROBE, FINE_TUNE }

    public ClassificationConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fraction, "fraction");
        Objects.requireNonNull(labelPolicy, "labelPolicy");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(fineTune, "fineTune");
        if (batchSize < 1 || minPositives < 0) {
            throw new IllegalArgumentException("need batchSize >= 1 and minPositives >= 0");
        }
    }

    /** 100% of the labels, seed 42, peers' label policy, tiny preset, batch 64, at least 5 positives, backbone feature. */
    public static ClassificationConfig defaults(Dataset dataset, Mode mode) {
        return new ClassificationConfig(dataset, mode, DataFraction.ALL, 42, LabelPolicy.peers(), "tiny", 64, 5,
                ImageFeature.BACKBONE, LinearProbe.Options.defaults(), FineTune.Options.defaults());
    }

    public ClassificationConfig withFraction(DataFraction f) {
        return new ClassificationConfig(dataset, mode, f, seed, labelPolicy, preset, batchSize, minPositives, feature, probe, fineTune);
    }

    public ClassificationConfig withSeed(long s) {
        return new ClassificationConfig(dataset, mode, fraction, s, labelPolicy, preset, batchSize, minPositives, feature, probe, fineTune);
    }

    public ClassificationConfig withLabelPolicy(LabelPolicy p) {
        return new ClassificationConfig(dataset, mode, fraction, seed, p, preset, batchSize, minPositives, feature, probe, fineTune);
    }

    public ClassificationConfig withPreset(String p) {
        return new ClassificationConfig(dataset, mode, fraction, seed, labelPolicy, p, batchSize, minPositives, feature, probe, fineTune);
    }

    public ClassificationConfig withFeature(ImageFeature f) {
        return new ClassificationConfig(dataset, mode, fraction, seed, labelPolicy, preset, batchSize, minPositives, f, probe, fineTune);
    }

    public ClassificationConfig withProbe(LinearProbe.Options p) {
        return new ClassificationConfig(dataset, mode, fraction, seed, labelPolicy, preset, batchSize, minPositives, feature, p, fineTune);
    }

    public ClassificationConfig withFineTune(FineTune.Options f) {
        return new ClassificationConfig(dataset, mode, fraction, seed, labelPolicy, preset, batchSize, minPositives, feature, probe, f);
    }
}
