package org.priorkit.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.priorkit.config.PriorConfig;
import org.priorkit.model.PriorModel;

/**
 * Which image feature a classifier reads: the backbone's own, or the projected one that global
 * alignment matched with reports. The paper compares with MGCA and LOVT, whose linear probes and
 * fine-tuning read the backbone's average-pooled last map, so that is the default.
 */
public enum ImageFeature {
    /** The last feature map averaged over its cells: (B, C), C = 128 in the tiny preset, 2048 for ResNet-50. */
    BACKBONE,
    /** The attention-pooled, projected global embedding: (B, D). */
    PROJECTED;

    /** The feature of a batch's encoder output: (B, C) or (B, D). */
    public NDArray of(PriorModel.ImageFeatures f) {
        if (this == PROJECTED) {
            return f.global();
        }
        Shape s = f.map().getShape(); // (B, C, h, w); DJL's mean takes one axis at a time
        return f.map().reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2}); // (B, C)
    }

    /** Its width for a model of {@code config}: C or D. */
    public int width(PriorConfig config) {
        return this == BACKBONE ? config.image().featureChannels() : config.embedDim();
    }

    /** The feature named {@code id} ("backbone" or "projected"); anything else is an error listing both. */
    public static ImageFeature parse(String id) {
        for (ImageFeature f : values()) {
            if (f.id().equals(id.strip().toLowerCase(java.util.Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown image feature '" + id + "' (known: backbone, projected)");
    }

    /** "backbone" or "projected", as the command line spells it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
