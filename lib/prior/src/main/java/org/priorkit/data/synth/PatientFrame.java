package org.priorkit.data.synth;

/**
 * The patient-frame coordinates (see {@link Anatomy}) of every pixel centre, computed once per image so that
 * painters can evaluate their shapes with plain array loops. Arrays are row-major: index = row * size + col.
 *
 * @param size image side in pixels
 * @param x    frame x of each pixel (towards the image's right = patient's left)
 * @param y    frame y of each pixel (down)
 */
record PatientFrame(int size, float[] x, float[] y, double centreX, double centreY, double scale,
                           double cos, double sin) {

    /** Places {@code a}'s chest on a {@code size x size} image. */
    public static PatientFrame of(Anatomy a, int size) {
        double cos = Math.cos(a.rotation()), sin = Math.sin(a.rotation());
        float[] fx = new float[size * size], fy = new float[size * size];
        for (int r = 0; r < size; r++) {
            double dv = (r + 0.5) / size - a.centreY();
            for (int c = 0; c < size; c++) {
                double du = (c + 0.5) / size - a.centreX();
                int i = r * size + c;
                fx[i] = (float) ((cos * du + sin * dv) / a.scale());
                fy[i] = (float) (0.5 + (-sin * du + cos * dv) / a.scale());
            }
        }
        return new PatientFrame(size, fx, fy, a.centreX(), a.centreY(), a.scale(), cos, sin);
    }

    /** Pixels per frame unit. */
    public double pixelsPerUnit() {
        return scale * size;
    }

    /** Image column (continuous, pixel centres at k + 0.5) of frame point (x, y). */
    public double column(double x, double y) {
        return size * (centreX + scale * (cos * x - sin * (y - 0.5)));
    }

    /** Image row (continuous) of frame point (x, y). */
    public double row(double x, double y) {
        return size * (centreY + scale * (sin * x + cos * (y - 0.5)));
    }
}
