package org.priorkit.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * BCE + Dice, the usual loss of chest X-ray segmentation (MGCA's and GLoRIA's SIIM heads use it too):
 * binary cross-entropy keeps every pixel's probability calibrated; the soft Dice term counts the
 * overlap per image, so a small pneumothorax is not drowned by the many background pixels that
 * dominate a per-pixel average.
 *
 * <pre>
 *   bce  = mean over pixels of  max(x, 0) - x t + log(1 + exp(-|x|))         (x logit, t in {0, 1})
 *   dice = 1 - mean over images of (2 sum(p t) + 1) / (sum(p) + sum(t) + 1)   (p = sigmoid(x))
 *   loss = bceWeight * bce + diceWeight * dice
 * </pre>
 * The +1 smoothing makes an empty mask predicted empty score 1 and keeps the gradient finite.
 *
 * @param bceWeight  weight of the cross-entropy term
 * @param diceWeight weight of the soft Dice term
 */
public record SegmentationLoss(double bceWeight, double diceWeight) {

    public SegmentationLoss {
        if (!(bceWeight >= 0) || !(diceWeight >= 0) || bceWeight + diceWeight == 0) {
            throw new IllegalArgumentException("loss weights must be >= 0 and not both 0, got "
                    + bceWeight + ", " + diceWeight);
        }
    }

    /** Weighted loss of logits (B, 1, H, W) against masks (B, 1, H, W) of 0/1: a scalar. */
    public NDArray compute(NDArray logits, NDArray masks) {
        try (NDManager scope = NDManager.subManagerOf(logits)) {
            Scopes.tempAttach(scope, logits, masks);
            NDArray loss = bce(logits, masks).mul(Scalars.tensor(logits, bceWeight))
                    .add(softDiceLoss(logits, masks).mul(Scalars.tensor(logits, diceWeight)));
            return scope.ret(loss);
        }
    }

    /** Mean binary cross-entropy with logits, in the numerically stable form. */
    public static NDArray bce(NDArray logits, NDArray masks) {
        NDArray softplusNegAbs = logits.abs().neg().exp().add(Scalars.like(logits, 1.0)).log(); // log(1 + e^-|x|)
        return Activation.relu(logits).sub(logits.mul(masks)).add(softplusNegAbs).mean();
    }

    /** 1 - mean soft Dice over the batch (per image: sums over channel and pixels). */
    public static NDArray softDiceLoss(NDArray logits, NDArray masks) {
        NDArray p = Activation.sigmoid(logits);                                   // (B, 1, H, W)
        int[] axes = {1, 2, 3};
        NDArray inter = p.mul(masks).sum(axes);                                    // (B)
        NDArray total = p.sum(axes).add(masks.sum(axes));                          // (B)
        Number one = Scalars.like(logits, 1.0);
        NDArray dice = inter.mul(Scalars.tensor(logits, 2.0)).add(one).div(total.add(one)); // (B)
        return dice.mean().neg().add(one);
    }
}
