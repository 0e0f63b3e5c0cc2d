package org.priorkit.data.siim;

import java.util.ArrayList;
import java.util.List;

/**
 * SIIM-ACR's run-length encoding of pneumothorax masks.
 *
 * <p>The text is pairs "start length start length ...", where each start is counted from the END
 * of the previous run (the first from pixel 0), over the image flattened in COLUMN-major order:
 * flat position p is row {@code p % height}, column {@code p / height}. "-1" is an empty mask.
 * Masks here are row-major float arrays of 0 and 1.
 */
public final class Rle {

    /** The text of an empty mask. */
    public static final String EMPTY = "-1";

    private Rle() {}

    /**
     * Parses and checks the numbers: an even count of integers, starts >= 0, lengths >= 1.
     *
     * @return start, length pairs as written (starts still relative)
     * @throws IllegalArgumentException naming the offending number
     */
    public static int[] parse(String rle) {
        String s = rle.strip();
        if (s.equals(EMPTY) || s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split("\\s+");
        if (parts.length % 2 != 0) {
            throw new IllegalArgumentException("odd count of numbers (" + parts.length
                    + "): RLE needs start/length pairs");
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("number " + (i + 1) + " '" + parts[i] + "' is not an integer");
            }
            boolean isLength = i % 2 == 1;
            if (out[i] < (isLength ? 1 : 0)) {
                throw new IllegalArgumentException((isLength ? "length" : "start") + " " + out[i]
                        + " (number " + (i + 1) + ") must be " + (isLength ? ">= 1" : ">= 0"));
            }
        }
        return out;
    }

    /** The pixel index one past the last run (0 for an empty mask): it must not exceed the image's pixel count. */
    public static long end(String rle) {
        int[] runs = parse(rle);
        long position = 0;
        long end = 0;
        for (int i = 0; i < runs.length; i += 2) {
            position += runs[i];   // SIIM's starts count from the end of the previous run
            end = position + runs[i + 1];
            position = end;
        }
        return end;
    }

    /** Decodes one RLE into a new {@code height x width} row-major mask. */
    public static float[] decode(String rle, int height, int width) {
        float[] mask = new float[height * width];
        orInto(rle, mask, height, width);
        return mask;
    }

    /**
     * ORs one RLE into {@code mask} (several rows of one image add up this way).
     *
     * @throws IllegalArgumentException when a run leaves the image
     */
    public static void orInto(String rle, float[] mask, int height, int width) {
        int[] runs = parse(rle);
        long total = (long) height * width;
        long position = 0;
        for (int i = 0; i < runs.length; i += 2) {
            position += runs[i];
            long end = position + runs[i + 1];
            if (end > total) {
                throw new IllegalArgumentException("run " + (i / 2 + 1) + " covers pixels " + position + ".."
                        + (end - 1) + ", outside the " + height + "x" + width + " image (" + total + " pixels)");
            }
            for (long p = position; p < end; p++) {
                int row = (int) (p % height);
                int col = (int) (p / height);
                mask[row * width + col] = 1f;
            }
            position = end;
        }
    }

    /** Encodes a row-major boolean mask in SIIM's format, as the synthetic set's SIIM writer does. */
    public static String encode(boolean[] mask, int height, int width) {
        float[] values = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] ? 1f : 0f;
        }
        return encode(values, height, width);
    }

    /** Encodes a row-major mask (non-zero = inside) in SIIM's format; "-1" when empty. */
    public static String encode(float[] mask, int height, int width) {
        if (mask.length != height * width) {
            throw new IllegalArgumentException("mask has " + mask.length + " values, not " + height + "x" + width);
        }
        List<String> out = new ArrayList<>();
        long lastEnd = 0;
        long runStart = -1;
        long total = (long) height * width;
        for (long p = 0; p <= total; p++) {
            boolean on = p < total && mask[(int) (p % height) * width + (int) (p / height)] != 0f;
            if (on && runStart < 0) {
                runStart = p;
            } else if (!on && runStart >= 0) {
                out.add(Long.toString(runStart - lastEnd));
                out.add(Long.toString(p - runStart));
                lastEnd = p;
                runStart = -1;
            }
        }
        return out.isEmpty() ? EMPTY : String.join(" ", out);
    }
}
