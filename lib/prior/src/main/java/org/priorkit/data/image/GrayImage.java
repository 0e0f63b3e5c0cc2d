package org.priorkit.data.image;

/**
 * A grayscale image as row-major floats in [0, 1] (0 black). Every reader, whatever the file
 * format, hands back this one type, so the rest of the pipeline never sees a file format.
 *
 * @param height rows
 * @param width columns
 * @param pixels {@code height * width} values, row-major: pixel (r, c) is {@code pixels[r * width + c]}
 */
public record GrayImage(int height, int width, float[] pixels) {

    public GrayImage {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (pixels.length != (long) height * width) {
            throw new IllegalArgumentException("expected " + height + "x" + width + " = "
                    + (long) height * width + " pixels, got " + pixels.length);
        }
    }

    /** Pixel at row {@code r}, column {@code c}. */
    public float at(int r, int c) {
        return pixels[r * width + c];
    }
}
