package org.priorkit.tasks;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.priorkit.model.PriorModel;

/**
 * One kind of feature ({@link ImageFeature}) of a FROZEN encoder, each image encoded once. Linear probes on several label
 * fractions and seeds (run-all's ladder) share their validation and test images and, across
 * fractions, most training images: encoding them once per encoder instead of once per probe saves
 * most of a probe's time. Valid only while the encoder does not change, so never share one
 * across fine-tuning.
 */
public final class FrozenFeatures {

    private final PriorModel model;
    private final ImageFeature feature;
    private final int batchSize;
    private final NDManager manager;
    private final Map<Path, float[]> byImage = new HashMap<>();

    public FrozenFeatures(PriorModel model, ImageFeature feature, int batchSize, NDManager manager) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.model = model;
        this.feature = feature;
        this.batchSize = batchSize;
        this.manager = manager;
    }

    /** The feature kind these are. */
    public ImageFeature feature() {
        return feature;
    }

    /** Features (N, C or D) of {@code images}, in order; only images not seen before are encoded. */
    public float[][] of(List<Path> images) {
        List<Path> missing = images.stream().distinct().filter(p -> !byImage.containsKey(p)).toList();
        float[][] fresh = FeatureExtractor.features(model, missing, feature, batchSize, manager); // (M, C or D)
        for (int i = 0; i < fresh.length; i++) {
            byImage.put(missing.get(i), fresh[i]);
        }
        return images.stream().map(byImage::get).toArray(float[][]::new);
    }

    /** How many distinct images have been encoded so far. */
    public int encoded() {
        return byImage.size();
    }
}
