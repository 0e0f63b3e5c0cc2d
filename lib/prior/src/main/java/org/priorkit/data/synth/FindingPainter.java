package org.priorkit.data.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws findings over a normal chest and records the pixels each one changed. Each finding has its own
 * signature, because that is what a model must learn to tell apart:
 * <ul>
 *   <li>cardiomegaly: a wider heart (cardiothoracic ratio 0.49 to 0.60; normal hearts reach 0.54), set
 *       on the anatomy before drawing;</li>
 *   <li>pleural effusion: fluid filling the base from the costophrenic angle up, with a meniscus that
 *       climbs the lateral wall, hiding the dome;</li>
 *   <li>edema: bilateral perihilar haze ("bat wings"), thickened vessels, Kerley lines at the bases;</li>
 *   <li>consolidation: a dense, fairly sharp opacity with dark air bronchograms;</li>
 *   <li>pneumonia: patchy ill-defined opacity (one box per focus, as in RSNA);</li>
 *   <li>atelectasis: a thin plate-like band plus volume loss (raised dome, heart pulled towards it);</li>
 *   <li>pneumothorax: a lucent rim along the apex and lateral wall with no vessel markings, bounded by
 *       a thin bright visceral pleural line.</li>
 * </ul>
 * Consolidation and pneumonia share a drawing routine with overlapping texture ranges on purpose: in
 * real films they overlap too, and the difficulty knob widens that overlap.
 */
final class FindingPainter {

    private FindingPainter() {}

    /** Applies the findings that change the anatomy itself: a large heart, volume loss. */
    static Anatomy adjust(Anatomy a, List<FindingSpec> specs) {
        Anatomy out = a;
        for (FindingSpec s : specs) {
            if (s.type() == FindingType.CARDIOMEGALY) {
                out = out.withCardiothoracicRatio(0.49 + 0.11 * s.severity());
            } else if (s.type() == FindingType.ATELECTASIS && s.side() != Side.BILATERAL) {
                out = out.withVolumeLoss(s.side(), 0.008 + 0.035 * s.severity());
            }
        }
        return out;
    }

    /**
     * Draws one finding into {@code layers} and returns its truth.
     *
     * @param contrast global contrast of findings (from the difficulty knob); severity scales it further
     */
    static Finding paint(FindingSpec s, Anatomy a, PatientFrame f, Layers layers, double contrast,
                         SplittableRandom rng) {
        double amp = contrast * (0.45 + 0.55 * s.severity());
        boolean[] mask = switch (s.type()) {
            case CARDIOMEGALY -> heart(a, f);
            case PLEURAL_EFFUSION -> effusion(s, a, f, layers, amp);
            case EDEMA -> edema(s, a, f, layers, contrast * (0.2 + 0.8 * s.severity()), rng);
            case CONSOLIDATION -> airspace(s, a, f, layers, amp, rng, 0.15 + 0.4 * rng.nextDouble(), true);
            case PNEUMONIA -> airspace(s, a, f, layers, amp, rng, 0.35 + 0.65 * rng.nextDouble(),
                    rng.nextDouble() < 0.3);
            case ATELECTASIS -> atelectasis(s, a, f, layers, amp, rng);
            case PNEUMOTHORAX -> pneumothorax(s, a, f, layers, amp);
        };
        return new Finding(s, mask, Box.around(mask, f.size()));
    }

    private static boolean[] heart(Anatomy a, PatientFrame f) {
        int n = f.size() * f.size();
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = f.x()[i], y = f.y()[i];
            Side side = x < 0 ? Side.RIGHT : Side.LEFT;
            mask[i] = a.heartEllipse(x, y) < 1 && y < a.domeY(side, Math.abs(x));
        }
        return mask;
    }

    private static boolean[] effusion(FindingSpec s, Anatomy a, PatientFrame f, Layers layers, double amp) {
        int n = f.size() * f.size();
        boolean[] mask = new boolean[n];
        double w = a.thoraxHalfWidth();
        double height = 0.025 + 0.22 * Math.pow(s.severity(), 1.2) * (0.6 + 0.4 * s.extent());
        float[] lung = layers.lung(), density = layers.density();
        for (int i = 0; i < n; i++) {
            double x = f.x()[i], y = f.y()[i];
            Side side = x < 0 ? Side.RIGHT : Side.LEFT;
            if (lung[i] <= 0 || (s.side() != Side.BILATERAL && s.side() != side)) {
                continue;
            }
            double t = Math.min(1, Math.abs(x) / w);
            double angleY = a.domeTop(side) + a.domeDepth();
            double level = angleY - height * (0.35 + 0.65 * t * t);   // meniscus: higher laterally
            double fluid = AnatomyPainter.smoothstep(level, level + 0.02, y);
            double v = fluid * lung[i];
            density[i] += (float) (0.30 * amp * v);
            mask[i] = fluid > 0.5 && lung[i] > 0.3;
            lung[i] -= (float) (v * Math.min(1, amp));
        }
        return mask;
    }

    private static boolean[] edema(FindingSpec s, Anatomy a, PatientFrame f, Layers layers, double amp,
                                   SplittableRandom rng) {
        int n = f.size() * f.size();
        boolean[] mask = new boolean[n];
        ValueNoise texture = ValueNoise.of(rng, 14);
        float[] lung = layers.lung(), density = layers.density(), markings = layers.markings();
        double spread = 0.7 + 0.4 * s.extent() + 0.2 * rng.nextDouble();
        for (int i = 0; i < n; i++) {
            if (lung[i] <= 0) {
                continue;
            }
            double x = f.x()[i], y = f.y()[i];
            double g = Math.exp(-Anatomy.sq((Math.abs(x) - 0.11) / (0.11 * spread))
                    - Anatomy.sq((y - a.hilumY()) / (0.14 * spread)));
            double haze = g * (0.7 + 0.6 * (texture.at(x, y) - 0.5));
            density[i] += (float) (0.13 * amp * haze * lung[i]);
            markings[i] *= (float) (1 + 0.3 * s.severity() * g);     // indistinct, thickened vessels
            mask[i] = haze > 0.4 && lung[i] > 0.3;
        }
        if (s.severity() > 0.4) {                                     // Kerley B lines at both bases
            float[] lines = new float[n];
            for (int sign = -1; sign <= 1; sign += 2) {
                Side side = sign < 0 ? Side.RIGHT : Side.LEFT;
                for (int k = 0; k < 5; k++) {
                    double y = a.domeTop(side) - 0.015 - 0.018 * k - 0.006 * rng.nextDouble();
                    double wall = a.lateralWall(y);
                    Strokes.line(lines, f, sign * wall, y, sign * (wall - 0.03), y, 0.5, 1.0);
                }
            }
            for (int i = 0; i < n; i++) {
                density[i] += (float) (0.08 * amp * lines[i] * lung[i]);
            }
        }
        return mask;
    }

    /**
     * Airspace opacity (consolidation, pneumonia): a cluster of puffs around a point of the requested
     * lung zone. {@code patchiness} 0 gives a dense sharp-edged blob, 1 a soft mottled one.
     */
    private static boolean[] airspace(FindingSpec s, Anatomy a, PatientFrame f, Layers layers, double amp,
                                      SplittableRandom rng, double patchiness, boolean bronchograms) {
        int n = f.size() * f.size();
        boolean[] mask = new boolean[n];
        Side side = s.side();
        double w = a.thoraxHalfWidth();
        double cx = side.sign() * w * (0.45 + 0.35 * rng.nextDouble());
        double cy = a.zoneY(side, s.zone()) + 0.3 * a.zoneHeight(side) * (rng.nextDouble() - 0.5);
        double radius = 0.05 + 0.08 * s.extent();
        int puffs = 4 + rng.nextInt(4) + (int) (5 * patchiness);
        double[] px = new double[puffs], py = new double[puffs], pr = new double[puffs];
        for (int k = 0; k < puffs; k++) {
            double ang = 2 * Math.PI * rng.nextDouble(), dist = radius * (0.5 + 0.6 * patchiness) * rng.nextDouble();
            px[k] = cx + dist * Math.cos(ang);
            py[k] = cy + dist * Math.sin(ang);
            pr[k] = radius * (0.35 + 0.35 * rng.nextDouble()) * (1 - 0.35 * patchiness);
        }
        ValueNoise texture = ValueNoise.of(rng, 30);
        // an upper-lobe opacity on the right stops sharply at the minor fissure
        double fissure = side == Side.RIGHT && s.zone() == Zone.UPPER
                ? a.zoneY(side, Zone.UPPER) + 0.6 * a.zoneHeight(side) : Double.POSITIVE_INFINITY;
        double lo = 0.35 - 0.2 * patchiness, hi = 0.5 + 0.3 * patchiness;
        float[] lung = layers.lung(), density = layers.density();
        float[] opacity = new float[n];
        for (int i = 0; i < n; i++) {
            if (lung[i] <= 0) {
                continue;
            }
            double x = f.x()[i], y = f.y()[i];
            if (Math.abs(x - cx) > 2.5 * radius || Math.abs(y - cy) > 2.5 * radius || y > fissure) {
                continue;
            }
            double field = 0;
            for (int k = 0; k < puffs; k++) {
                field += Math.exp(-(Anatomy.sq(x - px[k]) + Anatomy.sq(y - py[k])) / Anatomy.sq(pr[k]));
            }
            field *= 1 + patchiness * 1.6 * (texture.at(x, y) - 0.5);
            opacity[i] = (float) (AnatomyPainter.smoothstep(lo, hi, field) * lung[i]);
        }
        float[] air = new float[n];
        if (bronchograms) {                    // branching air-filled bronchi seen through the opacity
            for (int k = 0; k < 3; k++) {
                double ang = Math.atan2(cy - a.hilumY(), cx - side.sign() * 0.09) + 0.5 * (rng.nextDouble() - 0.5);
                double x0 = cx - 0.6 * radius * Math.cos(ang), y0 = cy - 0.6 * radius * Math.sin(ang);
                double len = radius * (0.8 + 0.6 * rng.nextDouble());
                Strokes.line(air, f, x0, y0, x0 + len * Math.cos(ang), y0 + len * Math.sin(ang), 0.6, 1.0);
            }
        }
        double strength = 0.28 - 0.08 * patchiness;
        for (int i = 0; i < n; i++) {
            if (opacity[i] > 0) {
                density[i] += (float) (amp * opacity[i] * (strength - 0.12 * air[i]));
                mask[i] = opacity[i] > 0.4;
                lung[i] *= 1 - 0.8f * opacity[i];
            }
        }
        return mask;
    }

    private static boolean[] atelectasis(FindingSpec s, Anatomy a, PatientFrame f, Layers layers, double amp,
                                         SplittableRandom rng) {
        int n = f.size() * f.size();
        boolean[] mask = new boolean[n];
        Side side = s.side();
        double w = a.thoraxHalfWidth();
        double cx = side.sign() * w * (0.35 + 0.35 * rng.nextDouble());
        double cy = a.zoneY(side, s.zone()) + 0.2 * a.zoneHeight(side) * (rng.nextDouble() - 0.5);
        double half = 0.04 + 0.06 * s.extent();                      // half length of the plate
        double thick = 0.005 + 0.016 * s.severity();                 // half thickness at its middle
        double tilt = side.sign() * (0.05 + 0.25 * rng.nextDouble()); // lateral end a little lower
        double cos = Math.cos(tilt), sin = Math.sin(tilt);
        double e = 1.0 / f.pixelsPerUnit();
        float[] lung = layers.lung(), density = layers.density();
        for (int i = 0; i < n; i++) {
            if (lung[i] <= 0) {
                continue;
            }
            double dx = f.x()[i] - cx, dy = f.y()[i] - cy;
            double u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
            if (Math.abs(u) > half + 2 * e) {
                continue;
            }
            double taper = Math.sqrt(Math.max(0, 1 - Anatomy.sq(u / half)));
            double band = AnatomyPainter.soft(Math.max(thick * taper, 0.6 * e) - Math.abs(v), e);
            if (band > 0) {
                density[i] += (float) (0.26 * amp * band * lung[i]);
                mask[i] = band > 0.5 && lung[i] > 0.3;
                lung[i] *= (float) (1 - 0.7 * band);
            }
        }
        return mask;
    }

    /**
     * Width of a pneumothorax's pleural gap at the apex, in frame units (the report's "cm" comes from it):
     * 0.03 to 0.13, 2 to 4 pixels at the 64 px the tiny preset pretrains on. It used to be 0.012 to 0.082,
     * a pixel or two there: invisible to pretraining, which then learnt nothing segmentation could use
     * (fine-tuned at 1% of the labels, Dice +0.02 over random init; +0.18 with the wider gap, lib/README).
     */
    static double pneumothoraxGap(double extent) {
        return 0.03 + 0.10 * extent;
    }

    private static boolean[] pneumothorax(FindingSpec s, Anatomy a, PatientFrame f, Layers layers, double amp) {
        int n = f.size() * f.size();
        boolean[] mask = new boolean[n];
        double e = 1.0 / f.pixelsPerUnit();
        double rim = Math.max(1.5 * e, pneumothoraxGap(s.extent()));  // pleural gap at the apex
        double reach = 0.15 + 0.45 * s.extent();                    // how far down the lateral wall it runs
        float[] lung = layers.lung(), density = layers.density(), markings = layers.markings();
        for (int i = 0; i < n; i++) {
            double x = f.x()[i], y = f.y()[i];
            Side side = x < 0 ? Side.RIGHT : Side.LEFT;
            if (side != s.side() || lung[i] <= 0) {
                continue;
            }
            double ax = Math.abs(x);
            double toWall = Math.min(a.lateralWall(y) - ax, y - a.apexTop(ax));
            double down = Math.max(0, Math.min(1, (y - a.apexY()) / reach));
            double gap = rim * Math.sqrt(1 - down);
            double space = AnatomyPainter.soft(gap - toWall, e) * lung[i];
            double line = gap > e ? Math.max(0, 1 - Math.abs(toWall - gap) / (0.8 * e)) * lung[i] : 0;
            density[i] += (float) (-0.15 * amp * space + 0.12 * amp * line); // air: darker, no markings
            markings[i] *= (float) (1 - space);
            mask[i] = space > 0.5;
        }
        return mask;
    }
}
