package org.priorkit.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.model.PriorModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a FROZEN image encoder over a list of images in batches: eval mode (batch norm uses its
 * running statistics), no gradient collector, every batch in its own sub-manager, results copied
 * out as plain float arrays. What a linear probe trains on, and what zero-shot and retrieval score.
 *
 * <p>Images are read, resized to the model's input size and normalised by {@link ImageLoader}
 * (the pretraining statistics), decoded in parallel within a batch.
 */
public final class FeatureExtractor {

    private FeatureExtractor() {}

    /** The loader matching the model's input: square, the config's image size, PRIOR normalisation. */
    public static ImageLoader loaderFor(PriorModel model) {
        return ImageLoader.square(model.config().image().imageSize());
    }

    /** Global features (N, D) of {@code images}, in order (what retrieval and zero-shot score). */
    public static float[][] global(PriorModel model, List<Path> images, int batchSize, NDManager manager) {
        return features(model, images, ImageFeature.PROJECTED, batchSize, manager);
    }

    /** The {@code feature} of each image, (N, C) or (N, D), in order. */
    public static float[][] features(PriorModel model, List<Path> images, ImageFeature feature, int batchSize,
                                     NDManager manager) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        ImageLoader loader = loaderFor(model);
        int n = images.size();
        int d = feature.width(model.config());
        float[][] out = new float[n][];
        ParameterStore ps = new ParameterStore(manager, false);
        for (int start = 0; start < n; start += batchSize) {
            List<Path> chunk = images.subList(start, Math.min(n, start + batchSize));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = batch(scope, chunk, loader); // (B, 1, H, W)
                float[] f = feature.of(model.encodeImage(ps, x, false)).toFloatArray(); // (B, d) row-major
                for (int b = 0; b < chunk.size(); b++) {
                    out[start + b] = Arrays.copyOfRange(f, b * d, (b + 1) * d);
                }
            }
        }
        return out;
    }

    /** Images read (in parallel), resized and normalised, stacked into (B, 1, H, W) on {@code manager}. */
    public static NDArray batch(NDManager manager, List<Path> files, ImageLoader loader) {
        int h = loader.height();
        int w = loader.width();
        float[][] pixels = files.parallelStream().map(loader::load).toArray(float[][]::new);
        float[] flat = new float[files.size() * h * w];
        for (int b = 0; b < pixels.length; b++) {
            System.arraycopy(pixels[b], 0, flat, b * h * w, h * w);
        }
        return manager.create(flat, new Shape(files.size(), 1, h, w));
    }
}
