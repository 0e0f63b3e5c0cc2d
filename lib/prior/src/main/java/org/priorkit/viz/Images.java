package org.priorkit.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Normalization;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Gray X-ray pictures from the kit's data: a {@link GrayImage} (values in [0, 1]) or a model input
 * tensor (1, H, W) / (H, W) normalised with a {@link Normalization}; a grid of pictures; nearest
 * up-scaling so 64 px images are visible.
 */
public final class Images {

    private Images() {}

    /** A {@link GrayImage} (values in [0, 1], clipped) as an RGB picture. */
    public static BufferedImage of(GrayImage image) {
        return fromPixels(image.pixels(), image.height(), image.width(), Normalization.NONE);
    }

    /** A model input (1, H, W) or (H, W) normalised with {@code norm} (e.g. {@link Normalization#PRIOR}), undone here. */
    public static BufferedImage of(NDArray image, Normalization norm) {
        long[] hw = heightWidth(image.getShape());
        float[] px = image.toType(DataType.FLOAT32, false).toFloatArray();
        return fromPixels(px, (int) hw[0], (int) hw[1], norm);
    }

    /** Any (H, W) or (1, H, W) array (a feature map, an attention map) min-max scaled to black..white. */
    public static BufferedImage scaled(NDArray map) {
        long[] hw = heightWidth(map.getShape());
        float[] px = minMax(map.toType(DataType.FLOAT32, false).toFloatArray());
        return fromPixels(px, (int) hw[0], (int) hw[1], Normalization.NONE);
    }

    /** Row-major pixels {@code x}, shown as {@code clip(x * std + mean, 0, 1)}. */
    public static BufferedImage fromPixels(float[] pixels, int height, int width, Normalization norm) {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + height + "x" + width + " image");
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = pixels[r * width + c] * norm.std() + norm.mean();
                int g = Math.round(255 * Math.max(0f, Math.min(1f, v)));
                out.setRGB(c, r, (g << 16) | (g << 8) | g);
            }
        }
        return out;
    }

    /** Nearest-neighbour enlargement by an integer factor (keeps pixels sharp). */
    public static BufferedImage enlarge(BufferedImage in, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        BufferedImage out = new BufferedImage(in.getWidth() * factor, in.getHeight() * factor, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(in, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** Pictures in rows of {@code columns}, 4 px apart on white; each cell as large as the largest picture. */
    public static BufferedImage grid(List<BufferedImage> images, int columns) {
        return grid(images, columns, null);
    }

    /** As {@link #grid(List, int)}, with a caption under each picture (null or shorter list: no caption). */
    public static BufferedImage grid(List<BufferedImage> images, int columns, List<String> captions) {
        if (images.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("need at least one image and columns >= 1");
        }
        int gap = 4;
        int captionHeight = captions == null ? 0 : 14;
        int cw = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int ch = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) + captionHeight;
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cw + (cols + 1) * gap, rows * ch + (rows + 1) * gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < images.size(); i++) {
            int x = gap + (i % cols) * (cw + gap);
            int y = gap + (i / cols) * (ch + gap);
            g.drawImage(images.get(i), x, y, null);
            if (captions != null && i < captions.size() && captions.get(i) != null) {
                g.setColor(Color.BLACK);
                g.drawString(fit(g, captions.get(i), cw), x, y + ch - 3);
            }
        }
        g.dispose();
        return out;
    }

    private static String fit(Graphics2D g, String s, int width) {
        String t = s;
        while (t.length() > 1 && g.getFontMetrics().stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        return t;
    }

    static long[] heightWidth(Shape s) {
        if (s.dimension() == 2) {
            return new long[] {s.get(0), s.get(1)};
        }
        if (s.dimension() == 3 && s.get(0) == 1) {
            return new long[] {s.get(1), s.get(2)};
        }
        throw new IllegalArgumentException("expected (H, W) or (1, H, W), got " + s);
    }

    static float[] minMax(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        float range = hi - lo;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = range > 0 ? (v[i] - lo) / range : 0f;
        }
        return out;
    }
}
