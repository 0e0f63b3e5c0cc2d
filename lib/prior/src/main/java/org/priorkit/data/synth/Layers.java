package org.priorkit.data.synth;

/**
 * The working canvases of one image, row-major {@code size*size}. Kept apart until the end because
 * findings act on them differently: a pneumothorax erases {@code markings}, an effusion fills {@code lung}.
 *
 * @param density  brightness before exposure and noise: bone and fluid bright, air dark
 * @param lung     how much of each pixel is aerated lung, in [0, 1]
 * @param markings vessel markings, visible only where there is aerated lung
 */
record Layers(int size, float[] density, float[] lung, float[] markings) {

    /** Empty canvases. */
    public static Layers blank(int size) {
        int n = size * size;
        return new Layers(size, new float[n], new float[n], new float[n]);
    }
}
