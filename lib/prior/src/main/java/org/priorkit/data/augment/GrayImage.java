package org.priorkit.data.augment;

/**
 * A grayscale image for augmentation: (H, W) floats, row-major, usually in [0, 1].
 *
 * @param height H
 * @param width  W
 * @param pixels (H*W) values; pixel (y, x) is {@code pixels[y * width + x]}. Not copied: images are large.
 */
public record GrayImage(int height, int width, float[] pixels) {

    public GrayImage {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad size " + height + " x " + width);
        }
        if (pixels == null || pixels.length != height * width) {
            throw new IllegalArgumentException("need " + height * width + " pixels, got "
                    + (pixels == null ? "null" : pixels.length));
        }
    }

    public float get(int y, int x) {
        return pixels[y * width + x];
    }

    /**
     * Bilinear interpolation at a point in pixel-index coordinates (pixel (y, x) sits at exactly (y, x)).
     * Neighbours outside the image count as {@code fill}, so borders fade into the fill as in
     * torch's grid_sample with zero padding.
     */
    public float sample(double y, double x, float fill) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * at(y0, x0, fill) + fx * at(y0, x0 + 1, fill);
        double bottom = (1 - fx) * at(y0 + 1, x0, fill) + fx * at(y0 + 1, x0 + 1, fill);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private float at(int y, int x, float fill) {
        return y >= 0 && y < height && x >= 0 && x < width ? pixels[y * width + x] : fill;
    }
}
