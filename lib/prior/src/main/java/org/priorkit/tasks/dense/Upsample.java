package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Resizing NCHW feature maps inside a network, differentiably.
 *
 * <p>Bilinear resizing is written as two small matrix products, {@code out = Uh . x . Uw^T}, with
 * {@code Uh (H, h)} and {@code Uw (W, w)} holding PyTorch's {@code interpolate(mode="bilinear",
 * align_corners=False)} weights: output pixel i samples input position {@code (i + 0.5) h / H - 0.5},
 * clamped to the border. Same numbers as PyTorch, no engine-specific operator needed.
 */
public final class Upsample {

    private Upsample() {}

    /** Nearest neighbour x2: (B, C, h, w) -> (B, C, 2h, 2w). */
    public static NDArray nearest2(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, h, 1, w, 1).broadcast(b, c, h, 2, w, 2).reshape(b, c, 2 * h, 2 * w);
    }

    /** Bilinear resize (align_corners = False): (B, C, h, w) -> (B, C, outH, outW). */
    public static NDArray bilinear(NDArray x, int outH, int outW) {
        Shape s = x.getShape();
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        if (h == outH && w == outW) {
            return x;
        }
        NDManager m = x.getManager();
        NDArray uh = m.create(weights(h, outH), new Shape(outH, h)).toType(x.getDataType(), false);  // (H, h)
        NDArray uwT = m.create(weights(w, outW), new Shape(outW, w)).toType(x.getDataType(), false)
                .transpose();                                                                       // (w, W)
        return uh.matMul(x.matMul(uwT));                                                            // (B, C, H, W)
    }

    /** Row-major (out, in) interpolation matrix of PyTorch's bilinear resize along one axis. */
    static float[] weights(int in, int out) {
        float[] u = new float[out * in];
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double src = Math.max(0, (i + 0.5) * scale - 0.5);
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double f = src - i0;
            u[i * in + i0] += (float) (1 - f);
            u[i * in + i1] += (float) f;
        }
        return u;
    }
}
