package org.priorkit.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Normalization;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    /**
     * As {@link #grid(List, int)}, with a caption under each picture (null or shorter list: no caption),
     * wrapped onto up to four lines of the picture's width (cut with "…" only beyond that).
     */
    public static BufferedImage grid(List<BufferedImage> images, int columns, List<String> captions) {
        if (images.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("need at least one image and columns >= 1");
        }
        int gap = 4;
        int lineHeight = 13;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        int cw = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        List<List<String>> lines = new ArrayList<>();
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        probe.setFont(font);
        for (int i = 0; i < images.size(); i++) {
            String c = captions != null && i < captions.size() ? captions.get(i) : null;
            lines.add(c == null ? List.of() : wrap(probe.getFontMetrics(), c, cw, 4));
        }
        probe.dispose();
        int captionHeight = lines.stream().mapToInt(List::size).max().orElse(0) * lineHeight;
        int ch = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) + captionHeight;
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cw + (cols + 1) * gap, rows * ch + (rows + 1) * gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(font);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < images.size(); i++) {
            int x = gap + (i % cols) * (cw + gap);
            int y = gap + (i / cols) * (ch + gap);
            BufferedImage img = images.get(i);
            g.drawImage(img, x, y, null);
            g.setColor(Color.BLACK);
            for (int k = 0; k < lines.get(i).size(); k++) {
                g.drawString(lines.get(i).get(k), x, y + img.getHeight() + (k + 1) * lineHeight - 2);
            }
        }
        g.dispose();
        return out;
    }

    /** {@code text} broken at spaces into lines no wider than {@code width}; the last of {@code maxLines} ends in "…" if cut. */
    static List<String> wrap(FontMetrics fm, String text, int width, int maxLines) {
        List<String> out = new ArrayList<>();
        String line = "";
        String[] words = text.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line = candidate;
                continue;
            }
            out.add(line);
            line = words[i];
            if (out.size() == maxLines - 1) { // the last line takes the rest, cut to fit
                line = String.join(" ", Arrays.copyOfRange(words, i, words.length));
                break;
            }
        }
        String last = line;
        while (last.length() > 1 && fm.stringWidth(last) > width) {
            last = last.substring(0, last.length() - 2) + "…";
        }
        out.add(last);
        return out;
    }

    /**
     * {@code image} with a legend strip above it: a coloured square and its meaning per entry, in order
     * (e.g. truth green, prediction red), so the picture reads without its caption.
     */
    public static BufferedImage withLegend(BufferedImage image, Map<String, Color> legend) {
        int strip = 20;
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + strip, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int x = 6;
        for (Map.Entry<String, Color> e : legend.entrySet()) {
            g.setColor(e.getValue());
            g.fillRect(x, 5, 11, 11);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), x + 16, 15);
            x += 16 + g.getFontMetrics().stringWidth(e.getKey()) + 18;
        }
        g.drawImage(image, 0, strip, null);
        g.dispose();
        return out;
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
