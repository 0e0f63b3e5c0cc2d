package org.priorkit.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Binary cross-entropy on logits, one independent sigmoid per class (multi-label CheXpert, binary
 * RSNA), in the numerically stable form {@code max(x, 0) - x y + log(1 + exp(-|x|))}, averaged over
 * every image and class.
 */
public final class SigmoidBce {

    private SigmoidBce() {}

    /** logits (N, C), targets (N, C) in {0, 1} -> () mean loss. */
    public static NDArray loss(NDArray logits, NDArray targets) {
        try (NDManager scope = NDManager.subManagerOf(logits)) {
            Scopes.tempAttach(scope, logits, targets);
            NDArray softplus = logits.abs().neg().exp().add(Scalars.like(logits, 1)).log(); // (N, C) log(1 + e^-|x|)
            NDArray perEntry = Activation.relu(logits).sub(logits.mul(targets)).add(softplus); // (N, C)
            return scope.ret(perEntry.mean());
        }
    }
}
