package org.priorkit.proto;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * KL term of the report reconstruction: the decoded sentences' distribution over the K prototypes
 * should match the true sentences'. Per real sentence {@code KL(p_true || p_decoded)}, with
 * {@code p = softmax(logits)} and logits from {@link SentencePrototypeBank#logits}; averaged over the
 * real sentences.
 *
 * <p>The true distribution is a target: it is detached (stop-gradient), so this term trains the
 * decoder toward the codebook assignment of the true sentences, and cannot move the true sentences
 * toward a poor reconstruction. The gradient still reaches the codebook through the decoded logits.
 */
public final class PrototypeKLLoss {

    /**
     * @param decodedLogits (B, S, K) logits of the decoded sentences, matched to the true ones
     * @param trueLogits    (B, S, K) logits of the true sentences (detached here)
     * @param mask          (B, S) boolean, true = real
     * @return () the loss
     */
    public NDArray compute(NDArray decodedLogits, NDArray trueLogits, NDArray mask) {
        try (NDManager scope = NDManager.subManagerOf(decodedLogits)) {
            Scopes.tempAttach(scope, decodedLogits, trueLogits, mask);
            NDArray real = mask.toType(decodedLogits.getDataType(), false); // (B, S)
            NDArray logTrue = trueLogits.stopGradient().logSoftmax(2); // (B, S, K)
            NDArray logDecoded = decodedLogits.logSoftmax(2); // (B, S, K)
            NDArray kl = logTrue.exp().mul(logTrue.sub(logDecoded)).sum(new int[] {2}); // (B, S)
            NDArray count = real.sum().maximum(Scalars.tensor(real, 1)); // ()
            return scope.ret(kl.mul(real).sum().div(count));
        }
    }
}
