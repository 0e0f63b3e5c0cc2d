package org.priorkit.data.image;

/**
 * Per-pixel standardisation {@code (x - mean) / std} applied after reading (x in [0, 1]).
 *
 * @param mean subtracted from every pixel
 * @param std divided into every pixel, must be positive
 */
public record Normalization(float mean, float std) {

    /** The paper's statistics of MIMIC-CXR frontal images. */
    public static final Normalization PRIOR = new Normalization(0.4755f, 0.3011f);

    /** Leaves values in [0, 1]. */
    public static final Normalization NONE = new Normalization(0f, 1f);

    public Normalization {
        if (!(std > 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("need finite mean and positive std, got " + mean + ", " + std);
        }
    }

    /** A new array with every value normalised. */
    public float[] apply(float[] pixels) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] - mean) / std;
        }
        return out;
    }
}
