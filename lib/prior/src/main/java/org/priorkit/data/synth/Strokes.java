package org.priorkit.data.synth;

/**
 * Thin soft lines (vessels, bronchograms, pleural lines, tubes) drawn straight into a float layer.
 * Lines keep the MAXIMUM of what is already there, so crossings do not add up.
 */
final class Strokes {

    private Strokes() {}

    /**
     * Draws a segment between frame points (x0, y0) and (x1, y1) with a half-width of {@code radiusPx}
     * pixels and peak value {@code value}, fading linearly to 0 at the edge. Visits only the pixels of the
     * segment's bounding box and computes each one's distance to the segment once.
     */
    static void line(float[] layer, PatientFrame f, double x0, double y0, double x1, double y1,
                     double radiusPx, double value) {
        int size = f.size();
        double c0 = f.column(x0, y0) - 0.5, r0 = f.row(x0, y0) - 0.5;      // pixel-centre coordinates
        double c1 = f.column(x1, y1) - 0.5, r1 = f.row(x1, y1) - 0.5;
        double radius = Math.max(radiusPx, 0.5);
        int cMin = Math.max(0, (int) Math.floor(Math.min(c0, c1) - radius));
        int cMax = Math.min(size - 1, (int) Math.ceil(Math.max(c0, c1) + radius));
        int rMin = Math.max(0, (int) Math.floor(Math.min(r0, r1) - radius));
        int rMax = Math.min(size - 1, (int) Math.ceil(Math.max(r0, r1) + radius));
        double dc = c1 - c0, dr = r1 - r0;
        double len2 = Math.max(dc * dc + dr * dr, 1e-12);
        double inv = 1.0 / radius;
        for (int r = rMin; r <= rMax; r++) {
            for (int c = cMin; c <= cMax; c++) {
                double t = ((c - c0) * dc + (r - r0) * dr) / len2;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                double ec = c - c0 - t * dc, er = r - r0 - t * dr;
                double w = 1 - Math.sqrt(ec * ec + er * er) * inv;
                if (w > 0) {
                    int i = r * size + c;
                    float v = (float) (value * w);
                    if (v > layer[i]) {
                        layer[i] = v;
                    }
                }
            }
        }
    }
}
