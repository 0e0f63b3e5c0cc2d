package org.priorkit.data.synth;

/**
 * Thin soft lines (vessels, bronchograms, pleural lines, tubes) drawn straight into a float layer.
 * Lines keep the MAXIMUM of what is already there, so crossings and overlapping samples do not add up.
 */
final class Strokes {

    private Strokes() {}

    /**
     * Draws a segment between frame points (x0, y0) and (x1, y1) with a half-width of {@code radiusPx}
     * pixels and peak value {@code value}, fading linearly to 0 at the edge.
     */
    static void line(float[] layer, PatientFrame f, double x0, double y0, double x1, double y1,
                     double radiusPx, double value) {
        double c0 = f.column(x0, y0), r0 = f.row(x0, y0);
        double c1 = f.column(x1, y1), r1 = f.row(x1, y1);
        double len = Math.hypot(c1 - c0, r1 - r0);
        int steps = Math.max(1, (int) Math.ceil(len * 2));     // half-pixel steps
        int reach = (int) Math.ceil(radiusPx + 0.5);
        double inv = 1.0 / Math.max(radiusPx, 0.5);
        int size = f.size();
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            double pc = c0 + t * (c1 - c0) - 0.5, pr = r0 + t * (r1 - r0) - 0.5;
            int ic = (int) Math.round(pc), ir = (int) Math.round(pr);
            for (int dr = -reach; dr <= reach; dr++) {
                int rr = ir + dr;
                if (rr < 0 || rr >= size) {
                    continue;
                }
                for (int dc = -reach; dc <= reach; dc++) {
                    int cc = ic + dc;
                    if (cc < 0 || cc >= size) {
                        continue;
                    }
                    double w = 1 - Math.hypot(cc - pc, rr - pr) * inv;
                    if (w > 0) {
                        int i = rr * size + cc;
                        float v = (float) (value * w);
                        if (v > layer[i]) {
                            layer[i] = v;
                        }
                    }
                }
            }
        }
    }
}
