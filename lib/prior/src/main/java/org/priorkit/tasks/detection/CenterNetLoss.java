package org.priorkit.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * CenterNet's training loss: a penalty-reduced focal loss on the heatmap plus L1 losses on size and
 * offset at the true centre cells, each divided by the number of boxes N in the batch (at least 1).
 *
 * <pre>
 *   p = clip(sigmoid(heat logits), 1e-4, 1 - 1e-4);  y = heatmap target;  c = 1 at centre cells
 *   focal  = -1/N sum[ c (1 - p)^2 log p  +  (1 - c) (1 - y)^4 p^2 log(1 - p) ]
 *   size   =  1/N sum c |size - size*|     (both channels, in cells)
 *   offset =  1/N sum c |offset - offset*|
 *   loss   = focal + sizeWeight size + offsetWeight offset
 * </pre>
 * The (1 - y)^4 factor is the "penalty reduction": a cell right next to a centre (y near 1) is
 * barely punished for firing, since its box would be nearly right. CenterNet weighs size by 0.1 with
 * sizes in input pixels; here sizes are in cells of 4 pixels, so the default 0.4 is the same weight.
 *
 * @param sizeWeight   weight of the size L1
 * @param offsetWeight weight of the offset L1
 */
public record CenterNetLoss(double sizeWeight, double offsetWeight) {

    public CenterNetLoss {
        if (!(sizeWeight >= 0) || !(offsetWeight >= 0)) {
            throw new IllegalArgumentException("loss weights must be >= 0");
        }
    }

    /**
     * @param outputs [heat logits (B, 1, h, w), size (B, 2, h, w), offset (B, 2, h, w)]
     * @param heat    heatmap targets (B, 1, h, w)
     * @param size    size targets (B, 2, h, w)
     * @param offset  offset targets (B, 2, h, w)
     * @param centres centre cells (B, 1, h, w) of 0/1
     * @return the weighted loss, a scalar
     */
    public NDArray compute(NDList outputs, NDArray heat, NDArray size, NDArray offset, NDArray centres) {
        try (NDManager scope = NDManager.subManagerOf(outputs.head())) {
            Scopes.tempAttach(scope, outputs.get(0), outputs.get(1), outputs.get(2), heat, size, offset, centres);
            NDArray n = centres.sum().maximum(Scalars.tensor(centres, 1.0));                 // ()
            NDArray loss = focal(outputs.get(0), heat, centres).div(n)
                    .add(maskedL1(outputs.get(1), size, centres).div(n).mul(Scalars.tensor(n, sizeWeight)))
                    .add(maskedL1(outputs.get(2), offset, centres).div(n).mul(Scalars.tensor(n, offsetWeight)));
            return scope.ret(loss);
        }
    }

    /** The focal loss's sum (not yet divided by N). */
    static NDArray focal(NDArray logits, NDArray heat, NDArray centres) {
        NDArray p = Activation.sigmoid(logits).clip(1e-4f, 1 - 1e-4f);                     // (B, 1, h, w)
        NDArray one = p.onesLike();
        NDArray notCentre = one.sub(centres);
        NDArray pos = one.sub(p).square().mul(p.log()).mul(centres);
        NDArray negWeight = one.sub(heat).square().square();                               // (1 - y)^4
        NDArray neg = p.square().mul(one.sub(p).log()).mul(negWeight).mul(notCentre);
        return pos.add(neg).sum().neg();
    }

    /** sum over centre cells and channels of |prediction - target|. */
    static NDArray maskedL1(NDArray prediction, NDArray target, NDArray centres) {
        return prediction.sub(target).abs().mul(centres).sum();                              // centres broadcast over channels
    }
}
