package org.priorkit.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Local image loss: SimSiam-style symmetric negative cosine, no negatives (neighbouring image
 * patches overlap, so "other patches" would be false negatives).
 *
 * <p>Dimensions: B batch, I image tokens, D embedding. With x the image tokens, y the text-aware
 * image tokens from {@link LocalAlignment}, and p the {@link SimSiamPredictor}:
 * {@code loss = -(cos(p(x), sg(y)) + cos(p(y), sg(x))) / 2}, averaged over B x I tokens
 * (image tokens are never padded). The stop-gradients sg are applied here; the caller passes the
 * predictor outputs.
 */
public final class LocalImageLoss {

    /**
     * @param predictedImage     (B, I, D) p(x)
     * @param predictedTextAware (B, I, D) p(y)
     * @param image              (B, I, D) x, used as a target (stop-gradient)
     * @param textAware          (B, I, D) y, used as a target (stop-gradient)
     * @return () the loss
     */
    public NDArray compute(NDArray predictedImage, NDArray predictedTextAware, NDArray image, NDArray textAware) {
        try (NDManager scope = NDManager.subManagerOf(predictedImage)) {
            Scopes.tempAttach(scope, predictedImage, predictedTextAware, image, textAware);
            NDArray a = cosine(predictedImage, textAware.stopGradient()).mean(); // ()
            NDArray b = cosine(predictedTextAware, image.stopGradient()).mean(); // ()
            return scope.ret(a.add(b).div(Scalars.tensor(a, -2.0)));
        }
    }

    /** Cosine along the last axis: (..., D), (..., D) -> (...). */
    static NDArray cosine(NDArray p, NDArray z) {
        int last = p.getShape().dimension() - 1;
        return p.normalize(2, last, 1e-12).mul(z.normalize(2, last, 1e-12)).sum(new int[] {last});
    }
}
