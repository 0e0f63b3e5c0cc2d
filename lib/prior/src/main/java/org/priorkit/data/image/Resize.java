package org.priorkit.data.image;

/**
 * Resizes to exactly (height, width) with a bilinear (triangle) filter that widens when shrinking, as
 * PIL's BILINEAR and torchvision's {@code Resize(antialias=True)} do: going from 1024 to 224 each output
 * pixel averages the ~5 x 5 input pixels it covers instead of picking 2 x 2 of them, so thin ribs and
 * lines do not alias. Enlarging is plain bilinear with half-pixel centres (align_corners=False); the
 * same size leaves every pixel as it is. The aspect ratio is not kept; chest X-rays are close to square.
 *
 * <p>The kit's one resize for images: pretraining ({@code PairAugmentation}) and every downstream task
 * ({@link ImageLoader}) use it, so a task sees exactly the pixels pretraining saw. Masks use
 * {@link #nearest}, which never blends.
 */
public record Resize(int height, int width) {

    public Resize {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad size " + height + " x " + width);
        }
    }

    public GrayImage apply(GrayImage image) {
        // Separable: resample each row to the new width, then each column to the new height.
        float[] rows = new float[image.height() * width];
        Taps across = Taps.of(image.width(), width);
        for (int y = 0; y < image.height(); y++) {
            across.resample(image.pixels(), y * image.width(), 1, rows, y * width, 1);
        }
        float[] out = new float[height * width];
        Taps down = Taps.of(image.height(), height);
        for (int x = 0; x < width; x++) {
            down.resample(rows, x, width, out, x, width);
        }
        return new GrayImage(height, width, out);
    }

    /** For each output index: the first input index it reads and the normalised weights of its taps. */
    private record Taps(int[] first, double[][] weights) {

        static Taps of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double support = Math.max(1.0, scale); // filter radius in input pixels
            int[] first = new int[outSize];
            double[][] weights = new double[outSize][];
            for (int o = 0; o < outSize; o++) {
                double centre = (o + 0.5) * scale; // in input coordinates where pixel j spans [j, j+1)
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(inSize - 1, (int) Math.ceil(centre + support));
                double[] w = new double[hi - lo + 1];
                double sum = 0;
                for (int j = lo; j <= hi; j++) {
                    w[j - lo] = Math.max(0, 1 - Math.abs(j + 0.5 - centre) / support);
                    sum += w[j - lo];
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] /= sum; // taps outside the image are left out, the rest renormalised
                }
                first[o] = lo;
                weights[o] = w;
            }
            return new Taps(first, weights);
        }

        /** Resamples one line read at {@code in[inStart + j*inStep]} into {@code out[outStart + o*outStep]}. */
        void resample(float[] in, int inStart, int inStep, float[] out, int outStart, int outStep) {
            for (int o = 0; o < first.length; o++) {
                double v = 0;
                for (int k = 0; k < weights[o].length; k++) {
                    v += weights[o][k] * in[inStart + (first[o] + k) * inStep];
                }
                out[outStart + o * outStep] = (float) v;
            }
        }
    }

    /** Nearest-neighbour resize for masks (values are copied, never blended), on pixel centres. */
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
