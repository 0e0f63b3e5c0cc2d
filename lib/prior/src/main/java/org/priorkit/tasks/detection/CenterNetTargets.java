package org.priorkit.tasks.detection;

/**
 * Boxes to CenterNet's training targets on an h x w map of stride s, for one image.
 *
 * <p>For a box (x, y, w, h) in input pixels, its centre in cells is {@code (fx, fy) = ((x + w/2) / s,
 * (y + h/2) / s)} and its cell is {@code (ix, iy) = (floor fx, floor fy)} (clamped to the map).
 * <ul>
 *   <li>heatmap: an elliptical Gaussian around the cell, {@code exp(-(dx^2 / 2 sx^2 + dy^2 / 2 sy^2))}
 *       with {@code sx = alpha w / (6 s)}, {@code sy = alpha h / (6 s)} (TTFNet's box-shaped Gaussian,
 *       alpha = 0.54; at least 1/6 cell, CenterNet's smallest radius), the maximum over boxes; exactly
 *       1 at the centre cell. Cells near a centre are "almost positives" that the penalty-reduced
 *       focal loss punishes less.</li>
 *   <li>size: {@code (w / s, h / s)} at the centre cell, in cells.</li>
 *   <li>offset: {@code (fx - ix, fy - iy)} at the centre cell, in [0, 1): what the integer cell
 *       loses.</li>
 *   <li>centres: 1 at each centre cell, 0 elsewhere (the size and offset losses only look there).</li>
 * </ul>
 * Two boxes with the same centre cell keep the later one's size and offset (CenterNet's rule; rare
 * at stride 4). {@link CenterNetDecoder} inverts this exactly for boxes with distinct centre cells.
 *
 * @param heatmap (h*w) row-major
 * @param size    (2*h*w): all widths, then all heights
 * @param offset  (2*h*w): all x offsets, then all y offsets
 * @param centres (h*w) 0/1
 */
public record CenterNetTargets(float[] heatmap, float[] size, float[] offset, float[] centres) {

    /** TTFNet's Gaussian-to-box ratio. */
    public static final double ALPHA = 0.54;
    /** Smallest standard deviation, in cells. */
    public static final double MIN_SIGMA = 1.0 / 6;

    /**
     * Targets of {@code boxes} (rows x, y, w, h in input pixels; rows with w or h <= 0 are padding
     * and ignored) on an {@code mapH x mapW} map of stride {@code stride}.
     */
    public static CenterNetTargets encode(float[][] boxes, int mapH, int mapW, int stride) {
        int cells = mapH * mapW;
        float[] heat = new float[cells];
        float[] size = new float[2 * cells];
        float[] offset = new float[2 * cells];
        float[] centres = new float[cells];
        for (float[] b : boxes) {
            if (!(b[2] > 0 && b[3] > 0)) {
                continue;
            }
            double fx = (b[0] + b[2] / 2.0) / stride;
            double fy = (b[1] + b[3] / 2.0) / stride;
            int ix = Math.min(Math.max((int) Math.floor(fx), 0), mapW - 1);
            int iy = Math.min(Math.max((int) Math.floor(fy), 0), mapH - 1);
            int c = iy * mapW + ix;
            size[c] = b[2] / stride;
            size[cells + c] = b[3] / stride;
            offset[c] = (float) (fx - ix);
            offset[cells + c] = (float) (fy - iy);
            centres[c] = 1f;
            double sx = Math.max(ALPHA * b[2] / stride / 6, MIN_SIGMA);
            double sy = Math.max(ALPHA * b[3] / stride / 6, MIN_SIGMA);
            int rx = (int) Math.ceil(3 * sx);
            int ry = (int) Math.ceil(3 * sy);
            for (int y = Math.max(0, iy - ry); y <= Math.min(mapH - 1, iy + ry); y++) {
                for (int x = Math.max(0, ix - rx); x <= Math.min(mapW - 1, ix + rx); x++) {
                    double dx = x - ix;
                    double dy = y - iy;
                    float g = (float) Math.exp(-(dx * dx / (2 * sx * sx) + dy * dy / (2 * sy * sy)));
                    heat[y * mapW + x] = Math.max(heat[y * mapW + x], g);
                }
            }
            heat[c] = 1f;
        }
        return new CenterNetTargets(heat, size, offset, centres);
    }
}
