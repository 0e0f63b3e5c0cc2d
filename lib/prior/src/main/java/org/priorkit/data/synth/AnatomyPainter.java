package org.priorkit.data.synth;

import java.util.SplittableRandom;

/**
 * Draws a normal chest: body outline with neck and shoulders, two aerated lung fields, heart and
 * mediastinum (with the aortic knob), hila, diaphragm domes with the gastric bubble under the left one,
 * spine, posterior ribs, clavicles, breast shadows, vessel markings and a faint parenchymal texture.
 *
 * <p>Every shape is a margin in the patient frame turned into a soft 0..1 coverage over about one pixel,
 * so edges are anti-aliased at any image size and the loop stays a few dozen flops per pixel.
 */
final class AnatomyPainter {

    private AnatomyPainter() {}

    static Layers paint(Anatomy a, PatientFrame f, SplittableRandom rng) {
        int size = f.size();
        Layers layers = Layers.blank(size);
        float[] density = layers.density(), lung = layers.lung();
        double e = 1.0 / f.pixelsPerUnit();               // one pixel, in frame units
        double w = a.thoraxHalfWidth();
        ValueNoise texture = ValueNoise.of(rng, 24);
        for (int i = 0; i < size * size; i++) {
            double x = f.x()[i], y = f.y()[i];
            int sign = x < 0 ? -1 : 1;
            Side side = sign < 0 ? Side.RIGHT : Side.LEFT;
            double ax = Math.abs(x);

            double neckToShoulder = smoothstep(0.02, 0.17, y);
            double bodyHalf = 0.09 + 0.36 * neckToShoulder + 0.06 * Math.sin(Math.PI * Math.min(1, Math.max(0, y - 0.15)));
            double body = soft(bodyHalf - ax, 2 * e);
            if (body == 0) {
                continue;                                      // air outside the patient stays 0
            }
            double d = body * (0.38 + 0.16 * Math.min(1, Math.max(0, y))) * a.softTissue();

            double wall = a.lateralWall(y);
            double lungField = soft(a.lungMargin(side, ax, y, wall), 1.5 * e);
            double heart = soft((1 - a.heartEllipse(x, y)) * 0.5 * a.heartHalfWidth(), e);
            double mediastinum = soft(a.mediastinumHalfWidth(y, sign) - ax, e) * soft(y - 0.06, e);
            double central = Math.max(heart, mediastinum);
            double aerated = lungField * (1 - central);
            d += 0.08 * central * body - 0.30 * aerated;

            double hx = ax - 0.09, hy = y - a.hilumY();
            if (lungField > 0 && Math.abs(hx) < 0.12 && Math.abs(hy) < 0.12) {
                d += 0.07 * Math.exp(-(hx * hx + hy * hy) / 0.0012) * lungField;
            }
            if (ax < 0.04) {
                double spine = soft(0.036 - ax, e) * body;
                d += 0.05 * spine * (0.7 + 0.3 * Math.cos(2 * Math.PI * y / 0.05));
            }
            d += 0.035 * ribs(a, side, ax, y, e, w, wall);
            d += 0.07 * clavicle(a, ax, y, e);

            if (side == Side.LEFT && y > a.domeY(side, ax) && y < a.leftDomeY() + 0.15) {   // gastric air
                double bubble = Math.exp(-Anatomy.sq((x - 0.55 * w) / 0.06)
                        - Anatomy.sq((y - a.leftDomeY() - 0.05) / 0.03));
                d -= 0.14 * bubble * body;
            }
            if (a.female() && y > a.domeTop(side) - 0.2) {
                double bx = ax - 0.62 * w, by = (y - a.domeTop(side) + 0.03) * 1.3;
                d += 0.05 * soft(0.14 - Math.sqrt(bx * bx + by * by), 4 * e)
                        * smoothstep(a.domeTop(side) - 0.15, a.domeTop(side), y);
            }
            if (aerated > 0) {
                d += 0.03 * (texture.at(x, y) - 0.5) * aerated;
            }
            density[i] = (float) d;
            lung[i] = (float) aerated;
        }
        for (int sign = -1; sign <= 1; sign += 2) {
            vessels(layers.markings(), f, a, sign, rng);
        }
        return layers;
    }

    /** Posterior ribs: arcs that rise from the spine and fall laterally, evenly spaced, with bright cortex. */
    private static double ribs(Anatomy a, Side side, double ax, double y, double e, double w, double wall) {
        if (ax < 0.03 || ax > wall + 0.03 || y < a.apexY() - 0.05
                || y > a.domeY(side, ax) + 0.03) {
            return 0;
        }
        double t = Math.min(ax / w, 1.1);
        double base = a.apexY() - 0.02 - 0.05 * Math.sin(Math.PI * t / 1.2) + 0.09 * t * t;
        double phase = (y - base) / a.ribSpacing() + a.ribPhase();
        int k = (int) Math.floor(phase);
        if (k < 0 || k > 9) {
            return 0;
        }
        double off = Math.abs(phase - k - 0.5) * a.ribSpacing();     // distance from rib centre line
        double half = 0.17 * a.ribSpacing();
        double band = soft(half - off, e);
        double cortex = Math.max(0, 1 - Math.abs(off - half) / (1.2 * e));
        return (band + 0.4 * cortex) * soft(wall + 0.02 - ax, 2 * e);
    }

    /** Clavicles: gently S-shaped bars rising laterally from the sternal notch. */
    private static double clavicle(Anatomy a, double ax, double y, double e) {
        if (ax < 0.015 || ax > 0.32) {
            return 0;
        }
        double yc = a.clavicleY() - 0.1 * (ax - 0.02) + 0.25 * Anatomy.sq(ax - 0.15);
        return soft(0.011 - Math.abs(y - yc), e) * soft(ax - 0.02, e) * soft(0.31 - ax, e);
    }

    /** A vessel tree fanning out of the hilum on one side, thinner and fainter at each branching. */
    private static void vessels(float[] markings, PatientFrame f, Anatomy a, int sign, SplittableRandom rng) {
        double ppu = f.pixelsPerUnit();
        int trunks = 7;
        for (int k = 0; k < trunks; k++) {
            // angles from pointing up-outwards (-70 deg) to down-outwards (+70 deg) from the horizontal
            double angle = Math.toRadians(-70 + 140.0 * (k + rng.nextDouble()) / trunks);
            branch(markings, f, rng, sign * 0.085, a.hilumY(), angle, 0.11 + 0.05 * rng.nextDouble(), 0,
                    sign, ppu);
        }
    }

    private static void branch(float[] m, PatientFrame f, SplittableRandom rng, double x, double y,
                               double angle, double length, int depth, int sign, double ppu) {
        double x1 = x + sign * length * Math.cos(angle), y1 = y + length * Math.sin(angle);
        double radius = Math.max(0.7, (0.008 - 0.002 * depth) * ppu);
        Strokes.line(m, f, x, y, x1, y1, radius, 0.13 - 0.035 * depth);
        if (depth < 2) {
            for (int c = 0; c < 2; c++) {
                double turn = Math.toRadians((c == 0 ? -1 : 1) * (15 + 20 * rng.nextDouble()));
                branch(m, f, rng, x1, y1, angle + turn, length * (0.55 + 0.2 * rng.nextDouble()), depth + 1,
                        sign, ppu);
            }
        }
    }

    /** Coverage of a margin {@code m} (positive inside) over an edge of width {@code e}: 0..1. */
    static double soft(double m, double e) {
        double t = 0.5 + m / (2 * e);
        return t <= 0 ? 0 : t >= 1 ? 1 : t;
    }

    static double smoothstep(double lo, double hi, double v) {
        double t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
        return t * t * (3 - 2 * t);
    }
}
