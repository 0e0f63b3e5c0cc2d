package org.priorkit.metrics;

/**
 * Boxes as RSNA writes them: {@code (x, y, w, h)}, top-left corner plus width and height, in pixels.
 * {@code IoU = |A ∩ B| / (|A| + |B| - |A ∩ B|)}; boxes that only touch along an edge have IoU 0, and so do
 * two boxes of zero area.
 */
public final class Boxes {

    private Boxes() {}

    public static double iou(double[] a, double[] b) {
        Checks.box(a, "Boxes.iou a");
        Checks.box(b, "Boxes.iou b");
        double iw = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
        double ih = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double intersection = iw * ih;
        return intersection / (a[2] * a[3] + b[2] * b[3] - intersection);
    }
}
