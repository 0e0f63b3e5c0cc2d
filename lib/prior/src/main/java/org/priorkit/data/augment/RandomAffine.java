package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

import java.util.Random;

/**
 * Random rotation, scaling and translation about the image centre, bilinear sampling, {@code fill} where
 * the source lies outside the image (torchvision's RandomAffine). PRIOR uses rotation only, +/-5 degrees:
 * {@link #rotation(double)}. Each call draws, in this order, angle, x shift, y shift and scale from the
 * given Random, all four always, so a seed gives the same result whatever the ranges.
 *
 * @param maxDegrees   angle drawn uniformly from [-maxDegrees, maxDegrees]; positive turns counter-clockwise
 * @param maxTranslate shift drawn uniformly from [-maxTranslate, maxTranslate] times the width (height)
 * @param minScale     scale drawn uniformly from [minScale, maxScale]
 * @param maxScale     see minScale
 * @param fill         value for pixels mapped from outside the image (0 = black)
 */
public record RandomAffine(double maxDegrees, double maxTranslate, double minScale, double maxScale, float fill) {

    public RandomAffine {
        if (maxDegrees < 0 || maxDegrees > 180 || maxTranslate < 0 || maxTranslate >= 1
                || minScale <= 0 || maxScale < minScale) {
            throw new IllegalArgumentException("bad affine ranges: degrees " + maxDegrees + ", translate "
                    + maxTranslate + ", scale " + minScale + ".." + maxScale);
        }
    }

    /** Rotation only, black fill (PRIOR: 5 degrees). */
    public static RandomAffine rotation(double maxDegrees) {
        return new RandomAffine(maxDegrees, 0, 1, 1, 0f);
    }

    public GrayImage apply(GrayImage image, Random random) {
        double degrees = uniform(random, -maxDegrees, maxDegrees);
        double dx = uniform(random, -maxTranslate, maxTranslate) * image.width();
        double dy = uniform(random, -maxTranslate, maxTranslate) * image.height();
        double scale = uniform(random, minScale, maxScale);
        return transform(image, degrees, dx, dy, scale, fill);
    }

    /**
     * The deterministic transform: output pixel p' shows source point c + R(-angle) (p' - c - shift) / scale,
     * the inverse of "scale and rotate about the centre c, then shift". With y pointing down, a positive
     * angle turns the picture counter-clockwise as seen on screen.
     */
    public static GrayImage transform(GrayImage image, double degrees, double dx, double dy, double scale,
                                      float fill) {
        double theta = Math.toRadians(degrees);
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double cx = (image.width() - 1) / 2.0;
        double cy = (image.height() - 1) / 2.0;
        float[] out = new float[image.pixels().length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                double u = (x - cx - dx) / scale;
                double v = (y - cy - dy) / scale;
                // inverse rotation of (u, v) for the y-down screen frame
                double sx = cx + cos * u - sin * v;
                double sy = cy + sin * u + cos * v;
                out[y * image.width() + x] = Bilinear.sample(image, sy, sx, fill);
            }
        }
        return new GrayImage(image.height(), image.width(), out);
    }

    private static double uniform(Random random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }
}
