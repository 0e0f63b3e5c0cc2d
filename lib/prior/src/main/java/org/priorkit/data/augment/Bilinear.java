package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

/** Bilinear sampling of a {@link GrayImage} at a real-valued point, for geometric transforms. */
final class Bilinear {

    private Bilinear() {}

    /**
     * The value at (y, x) in pixel-index coordinates (pixel (y, x) sits at exactly (y, x)).
     * Neighbours outside the image count as {@code fill}, so borders fade into the fill as in
     * torch's grid_sample with zero padding.
     */
    static float sample(GrayImage image, double y, double x, float fill) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * at(image, y0, x0, fill) + fx * at(image, y0, x0 + 1, fill);
        double bottom = (1 - fx) * at(image, y0 + 1, x0, fill) + fx * at(image, y0 + 1, x0 + 1, fill);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private static float at(GrayImage image, int y, int x, float fill) {
        return y >= 0 && y < image.height() && x >= 0 && x < image.width() ? image.pixels()[y * image.width() + x] : fill;
    }
}
