package org.priorkit.data.synth;

import java.util.SplittableRandom;

/**
 * Smooth random texture in [0, 1]: random values on a coarse grid over the frame, blended with a smooth
 * step. Gives parenchymal mottling and the patchiness of pneumonia without per-pixel randomness.
 */
final class ValueNoise {

    private final int cells;
    private final float[] grid;

    private ValueNoise(int cells, float[] grid) {
        this.cells = cells;
        this.grid = grid;
    }

    /** A texture with {@code cells x cells} grid cells over frame x in [-0.6, 0.6], y in [-0.1, 1.1]. */
    static ValueNoise of(SplittableRandom rng, int cells) {
        float[] g = new float[(cells + 1) * (cells + 1)];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextDouble();
        }
        return new ValueNoise(cells, g);
    }

    /** Texture value at frame point (x, y). */
    double at(double x, double y) {
        double gx = Math.min(cells - 1e-6, Math.max(0, (x + 0.6) / 1.2 * cells));
        double gy = Math.min(cells - 1e-6, Math.max(0, (y + 0.1) / 1.2 * cells));
        int ix = (int) gx, iy = (int) gy;
        double tx = smooth(gx - ix), ty = smooth(gy - iy);
        int w = cells + 1;
        double a = grid[iy * w + ix], b = grid[iy * w + ix + 1];
        double c = grid[(iy + 1) * w + ix], d = grid[(iy + 1) * w + ix + 1];
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
