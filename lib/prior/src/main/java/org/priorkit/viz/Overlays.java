package org.priorkit.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Things drawn over an X-ray: an attention map (h x w, e.g. the 2 x 2 or 7 x 7 grid of image
 * tokens) as a colour heat map, a segmentation mask, and RSNA-style boxes (x, y, width, height).
 * Each returns a new picture; the input is left as it is.
 */
public final class Overlays {

    private Overlays() {}

    /**
     * Blends an attention map over {@code base}: the map (h, w) is stretched bilinearly to the picture
     * (each token covers its cell), min-max scaled, coloured blue (low) to red (high), mixed with
     * weight {@code alpha}.
     */
    public static BufferedImage heatmap(BufferedImage base, NDArray map, float alpha) {
        long[] hw = Images.heightWidth(map.getShape());
        return heatmap(base, map.toType(DataType.FLOAT32, false).toFloatArray(), (int) hw[0], (int) hw[1], alpha);
    }

    /** {@link #heatmap(BufferedImage, NDArray, float)} for a row-major {@code h x w} array. */
    public static BufferedImage heatmap(BufferedImage base, float[] map, int h, int w, float alpha) {
        if (map.length != h * w) {
            throw new IllegalArgumentException(map.length + " values for a " + h + "x" + w + " map");
        }
        float[] v = Images.minMax(map);
        int width = base.getWidth();
        int height = base.getHeight();
        BufferedImage out = copy(base);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = bilinear(v, h, w, (y + 0.5f) * h / height - 0.5f, (x + 0.5f) * w / width - 0.5f);
                out.setRGB(x, y, blend(base.getRGB(x, y), colour(value), alpha));
            }
        }
        return out;
    }

    /** Paints the mask's non-zero pixels (row-major, same size as {@code base}) in {@code colour}, mixed with {@code alpha}. */
    public static BufferedImage mask(BufferedImage base, float[] mask, Color colour, float alpha) {
        if (mask.length != base.getWidth() * base.getHeight()) {
            throw new IllegalArgumentException("mask has " + mask.length + " values for a " + base.getHeight()
                    + "x" + base.getWidth() + " picture");
        }
        BufferedImage out = copy(base);
        int w = base.getWidth();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                out.setRGB(i % w, i / w, blend(base.getRGB(i % w, i / w), colour.getRGB(), alpha));
            }
        }
        return out;
    }

    /** {@link #mask(BufferedImage, float[], Color, float)} for a (H, W) or (1, H, W) array. */
    public static BufferedImage mask(BufferedImage base, NDArray mask, Color colour, float alpha) {
        Images.heightWidth(mask.getShape());
        return mask(base, mask.toType(DataType.FLOAT32, false).toFloatArray(), colour, alpha);
    }

    /**
     * Draws boxes given as (x, y, width, height) in the picture's pixels (RSNA's convention), with an
     * optional label above each (null: none).
     */
    public static BufferedImage boxes(BufferedImage base, double[][] boxes, Color colour, String[] labels) {
        BufferedImage out = copy(base);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour);
        g.setStroke(new BasicStroke(Math.max(1f, base.getWidth() / 128f)));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, base.getWidth() / 20)));
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            if (b.length != 4) {
                throw new IllegalArgumentException("box " + i + " has " + b.length + " numbers, not (x, y, w, h)");
            }
            g.drawRect((int) Math.round(b[0]), (int) Math.round(b[1]), (int) Math.round(b[2]), (int) Math.round(b[3]));
            if (labels != null && i < labels.length && labels[i] != null) {
                g.drawString(labels[i], (int) Math.round(b[0]) + 2, (int) Math.max(10, Math.round(b[1]) - 2));
            }
        }
        g.dispose();
        return out;
    }

    private static final int[][] RAMP = {{0, 0, 255}, {0, 255, 255}, {0, 255, 0}, {255, 255, 0}, {255, 0, 0}};

    /** Blue (0) - cyan - green - yellow - red (1), linear between the stops, as packed RGB. */
    static int colour(float v) {
        float t = clamp(v) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(t));
        float f = t - i;
        int[] rgb = new int[3];
        for (int k = 0; k < 3; k++) {
            rgb[k] = Math.round(RAMP[i][k] * (1 - f) + RAMP[i + 1][k] * f);
        }
        return (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
    }

    private static float clamp(float x) {
        return Math.max(0f, Math.min(1f, x));
    }

    private static int blend(int a, int b, float alpha) {
        int r = Math.round((1 - alpha) * ((a >> 16) & 255) + alpha * ((b >> 16) & 255));
        int g = Math.round((1 - alpha) * ((a >> 8) & 255) + alpha * ((b >> 8) & 255));
        int bl = Math.round((1 - alpha) * (a & 255) + alpha * (b & 255));
        return (r << 16) | (g << 8) | bl;
    }

    /** Bilinear sample of a row-major h x w grid at (row, col), clamped at the border. */
    private static float bilinear(float[] v, int h, int w, float row, float col) {
        float r = Math.max(0, Math.min(h - 1, row));
        float c = Math.max(0, Math.min(w - 1, col));
        int r0 = (int) Math.floor(r);
        int c0 = (int) Math.floor(c);
        int r1 = Math.min(h - 1, r0 + 1);
        int c1 = Math.min(w - 1, c0 + 1);
        float fr = r - r0;
        float fc = c - c0;
        float top = v[r0 * w + c0] * (1 - fc) + v[r0 * w + c1] * fc;
        float bottom = v[r1 * w + c0] * (1 - fc) + v[r1 * w + c1] * fc;
        return top * (1 - fr) + bottom * fr;
    }

    private static BufferedImage copy(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }
}
