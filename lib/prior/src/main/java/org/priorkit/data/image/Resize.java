package org.priorkit.data.image;

/**
 * Resizing of row-major float images, as pure functions.
 *
 * <p>{@link #bilinear} samples at pixel centres (source x = (x + 0.5) * inW / outW - 0.5, clamped
 * at the border), the convention of PyTorch's {@code interpolate(mode="bilinear",
 * align_corners=False)} without antialiasing. {@link #nearest} uses the same centres and picks the
 * closest source pixel, so a mask stays binary.
 */
public final class Resize {

    private Resize() {}

    /** Bilinear resize for images. */
    public static GrayImage bilinear(GrayImage in, int outH, int outW) {
        if (in.height() == outH && in.width() == outW) {
            return in;
        }
        float[] src = in.pixels();
        int inH = in.height();
        int inW = in.width();
        float[] out = new float[outH * outW];
        float sy = (float) inH / outH;
        float sx = (float) inW / outW;
        for (int y = 0; y < outH; y++) {
            float fy = Math.max(0f, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, inH - 1);
            int y1 = Math.min(y0 + 1, inH - 1);
            float wy = fy - y0;
            for (int x = 0; x < outW; x++) {
                float fx = Math.max(0f, (x + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, inW - 1);
                int x1 = Math.min(x0 + 1, inW - 1);
                float wx = fx - x0;
                float top = src[y0 * inW + x0] * (1 - wx) + src[y0 * inW + x1] * wx;
                float bottom = src[y1 * inW + x0] * (1 - wx) + src[y1 * inW + x1] * wx;
                out[y * outW + x] = top * (1 - wy) + bottom * wy;
            }
        }
        return new GrayImage(outH, outW, out);
    }

    /** Nearest-neighbour resize for masks (values are copied, never blended). */
    public static GrayImage nearest(GrayImage in, int outH, int outW) {
        if (in.height() == outH && in.width() == outW) {
            return in;
        }
        float[] src = in.pixels();
        int inW = in.width();
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            int sy = Math.min((int) ((y + 0.5) * in.height() / outH), in.height() - 1);
            for (int x = 0; x < outW; x++) {
                int sx = Math.min((int) ((x + 0.5) * inW / outW), inW - 1);
                out[y * outW + x] = src[sy * inW + sx];
            }
        }
        return new GrayImage(outH, outW, out);
    }
}
