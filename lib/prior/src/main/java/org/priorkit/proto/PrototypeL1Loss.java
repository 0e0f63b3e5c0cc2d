package org.priorkit.proto;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * SPB loss: mean |prototype - s| over the REAL sentences (and the D features), padding excluded.
 * The paper's weight lambda_proto = 10 belongs to the stage configuration, not to this class.
 *
 * <p>No stop-gradient: the gradient reaches the codebook (through the mixture a . E and the scores)
 * and the sentence features (directly and through the scores). This loss is how the codebook is
 * trained; letting it also pull s toward the codebook plays the role of VQ-VAE's commitment term.
 */
public final class PrototypeL1Loss {

    /**
     * @param prototypes (B, S, D) from {@link SentencePrototypeBank}
     * @param sentences  (B, S, D) the sentence features they replace
     * @param mask       (B, S) boolean, true = real
     * @return () the loss (0 if the batch has no real sentence)
     */
    public NDArray compute(NDArray prototypes, NDArray sentences, NDArray mask) {
        try (NDManager scope = NDManager.subManagerOf(prototypes)) {
            Scopes.tempAttach(scope, prototypes, sentences, mask);
            long d = prototypes.getShape().get(2);
            NDArray real = mask.toType(prototypes.getDataType(), false); // (B, S)
            NDArray perSentence = prototypes.sub(sentences).abs().sum(new int[] {2}); // (B, S)
            NDArray count = real.sum().maximum(Scalars.tensor(real, 1)).mul(Scalars.tensor(real, d)); // () real x D
            return scope.ret(perSentence.mul(real).sum().div(count));
        }
    }
}
