package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.nn.Scopes;

/**
 * Image reconstruction loss: mean |reconstruction - image|, the input image (a target, no gradient)
 * first resized to the decoder's output size when they differ (bilinear, {@code align_corners =
 * false}, as {@code F.interpolate}; an integer x2 reduction is then the 2 x 2 average).
 *
 * <p>Dimensions: B batch, H' x W' decoder output, H x W input image, 1 channel.
 */
public final class ImageReconstructionLoss {

    /**
     * @param reconstruction (B, 1, H', W') decoder output
     * @param image          (B, 1, H, W) the (normalised) input image
     * @return () the loss
     */
    public NDArray compute(NDArray reconstruction, NDArray image) {
        try (NDManager scope = NDManager.subManagerOf(reconstruction)) {
            Scopes.tempAttach(scope, reconstruction, image);
            NDArray target = resize(image.stopGradient(), reconstruction.getShape().get(2), reconstruction.getShape().get(3));
            return scope.ret(reconstruction.sub(target).abs().mean());
        }
    }

    /**
     * (B, C, H, W) -> (B, C, h, w), bilinear without corner alignment and without antialiasing,
     * exactly {@code F.interpolate(x, size=(h, w), mode="bilinear", align_corners=False)}; identity
     * if the size already matches. Written as two small interpolation matrices, Ry (h, H) and
     * Rx (w, W): {@code Ry . x . Rx^T}.
     */
    static NDArray resize(NDArray image, long h, long w) {
        long bigH = image.getShape().get(2);
        long bigW = image.getShape().get(3);
        if (bigH == h && bigW == w) {
            return image;
        }
        NDManager m = image.getManager();
        NDArray ry = m.create(interpolationMatrix((int) h, (int) bigH)).toType(image.getDataType(), false); // (h, H)
        NDArray rx = m.create(interpolationMatrix((int) w, (int) bigW)).toType(image.getDataType(), false); // (w, W)
        return ry.matMul(image).matMul(rx.transpose()); // (B, C, h, w)
    }

    /** Rows: output positions; PyTorch's source index (i + 0.5) in / out - 0.5, clamped at 0. */
    static double[][] interpolationMatrix(int out, int in) {
        double[][] r = new double[out][in];
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double src = Math.max((i + 0.5) * scale - 0.5, 0);
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double lambda = src - i0;
            r[i][i0] += 1 - lambda;
            r[i][i1] += lambda;
        }
        return r;
    }
}
