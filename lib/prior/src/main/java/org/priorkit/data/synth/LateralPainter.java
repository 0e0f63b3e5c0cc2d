package org.priorkit.data.synth;

import java.util.SplittableRandom;

/**
 * A crude lateral view (anterior to the image's left): chest outline, one aerated lung field, heart
 * in front, spine behind, diaphragm below. MIMIC studies carry a few so that loaders learn to keep only
 * frontal views (PA/AP); findings are not drawn on it.
 */
final class LateralPainter {

    private LateralPainter() {}

    static byte[] render(StudyCase c, int size, double difficulty, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Anatomy a = c.anatomy();
        double depth = 0.36 + 0.03 * rng.nextGaussian();          // half the antero-posterior diameter
        float[] img = new float[size * size];
        for (int r = 0; r < size; r++) {
            double y = (r + 0.5) / size;
            for (int col = 0; col < size; col++) {
                double x = (col + 0.5) / size - 0.5;
                double body = AnatomyPainter.soft(depth + 0.06 - Math.abs(x), 2.0 / size)
                        * AnatomyPainter.smoothstep(0.0, 0.12, y);
                double lung = AnatomyPainter.soft(1 - Anatomy.sq(x / depth) - Anatomy.sq((y - 0.42) / 0.3), 0.05)
                        * (y < a.rightDomeY() + 0.04 * x / depth ? 1 : 0);
                double heart = AnatomyPainter.soft(1 - Anatomy.sq((x + 0.12) / 0.16) - Anatomy.sq((y - 0.56) / 0.13), 0.05);
                double spine = AnatomyPainter.soft(0.06 - Math.abs(x - depth + 0.09), 2.0 / size)
                        * (0.75 + 0.25 * Math.cos(2 * Math.PI * y / 0.05));
                img[r * size + col] = (float) (body * 0.5 - 0.25 * lung * (1 - heart) + 0.1 * spine);
            }
        }
        return ImageRenderer.expose(ImageRenderer.blur(img, size, Math.max(1, size / 160)), size, difficulty,
                c.view(), rng);
    }
}
