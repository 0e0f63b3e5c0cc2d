package org.priorkit.data.synth;

import java.util.List;

/**
 * A drawn 8-bit grayscale image (row-major, 0 = black = air) and the truth of what is in it.
 *
 * @param anatomy the chest as drawn, after findings that change it (large heart, volume loss)
 */
public record RenderedImage(int size, byte[] pixels, List<Finding> findings, Anatomy anatomy) {

    /** Pixel value at column x, row y, as 0..255. */
    public int at(int x, int y) {
        return pixels[y * size + x] & 0xff;
    }
}
