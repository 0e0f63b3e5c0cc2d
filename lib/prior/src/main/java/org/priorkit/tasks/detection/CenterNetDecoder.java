package org.priorkit.tasks.detection;

import org.priorkit.metrics.Nms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CenterNet's output maps of one image to scored boxes: local maxima of the heatmap, their size
 * and offset, then non-maximum suppression.
 *
 * <pre>
 *   peaks  = cells whose probability is >= all 8 neighbours (CenterNet's 3x3 max-pool test), best topK
 *   centre = ((ix + offset_x) s, (iy + offset_y) s)       size = (size_w s, size_h s)
 *   box    = (cx - w/2, cy - h/2, w, h) clipped to the image;  score = the peak's probability
 *   NMS at IoU nmsIou (CenterNet's peaks rarely overlap, but two neighbouring peaks of one large
 *   opacity can; suppression is cheap and the RSNA metric punishes duplicates)
 * </pre>
 *
 * @param stride  map stride in pixels (4)
 * @param topK    peaks kept before NMS
 * @param nmsIou  IoU above which a lower-scored box is suppressed
 */
public record CenterNetDecoder(int stride, int topK, double nmsIou) {

    /** Scored boxes of one image, by descending score; boxes are (x, y, w, h) in input pixels. */
    public record Detections(double[][] boxes, double[] scores) {

        /** Only the boxes scoring at least {@code threshold}. */
        public Detections above(double threshold) {
            int n = 0;
            while (n < scores.length && scores[n] >= threshold) {
                n++;
            }
            return new Detections(java.util.Arrays.copyOf(boxes, n), java.util.Arrays.copyOf(scores, n));
        }
    }

    public CenterNetDecoder {
        if (stride < 1 || topK < 1 || !(nmsIou > 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("need stride >= 1, topK >= 1, nmsIou in (0, 1]");
        }
    }

    /**
     * Decodes one image's maps.
     *
     * @param heat   probabilities (h*w), row-major
     * @param size   (2*h*w): widths then heights, in cells
     * @param offset (2*h*w): x then y offsets, in cells
     * @param imageH input height, to clip boxes
     * @param imageW input width
     */
    public Detections decode(float[] heat, float[] size, float[] offset, int mapH, int mapW, int imageH, int imageW) {
        int cells = mapH * mapW;
        List<Integer> peaks = new ArrayList<>();
        for (int y = 0; y < mapH; y++) {
            for (int x = 0; x < mapW; x++) {
                if (isPeak(heat, y, x, mapH, mapW)) {
                    peaks.add(y * mapW + x);
                }
            }
        }
        peaks.sort(Comparator.comparingDouble((Integer c) -> -heat[c]).thenComparingInt(c -> c));
        List<double[]> boxes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int c : peaks.subList(0, Math.min(topK, peaks.size()))) {
            double cx = (c % mapW + offset[c]) * stride;
            double cy = (c / mapW + offset[cells + c]) * stride;
            double w = Math.max(0, size[c]) * stride;
            double h = Math.max(0, size[cells + c]) * stride;
            double x0 = Math.max(0, cx - w / 2);
            double y0 = Math.max(0, cy - h / 2);
            double x1 = Math.min(imageW, cx + w / 2);
            double y1 = Math.min(imageH, cy + h / 2);
            if (x1 > x0 && y1 > y0) {
                boxes.add(new double[] {x0, y0, x1 - x0, y1 - y0});
                scores.add((double) heat[c]);
            }
        }
        double[][] b = boxes.toArray(new double[0][]);
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        int[] keep = b.length == 0 ? new int[0] : Nms.apply(b, s, nmsIou);
        double[][] kb = new double[keep.length][];
        double[] ks = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            kb[i] = b[keep[i]];
            ks[i] = s[keep[i]];
        }
        return new Detections(kb, ks);
    }

    private static boolean isPeak(float[] heat, int y, int x, int h, int w) {
        float v = heat[y * w + x];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int yy = y + dy;
                int xx = x + dx;
                if ((dy != 0 || dx != 0) && yy >= 0 && yy < h && xx >= 0 && xx < w && heat[yy * w + xx] > v) {
                    return false;
                }
            }
        }
        return true;
    }
}
