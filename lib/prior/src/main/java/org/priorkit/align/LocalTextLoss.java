package org.priorkit.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Local text loss: InfoNCE between the sentences of ONE report and their image-aware versions from
 * {@link LocalAlignment}; the negatives of a sentence are only the other REAL sentences of the same
 * report. Batched as (B, S, S) logits with masks.
 *
 * <p>Dimensions: B batch, S sentences (padded), D embedding. Features are L2-normalised, logits
 * scaled by the loss's own learnable scale (a {@link LearnableTemperature}, paper init temperature
 * 0.01). The loss is symmetric (sentence-to-image-aware and back) and averaged over real sentences.
 * A report with a single real sentence has no negative, so its InfoNCE is identically zero; such
 * sentences are left out of the average rather than diluting it. If no report of the batch has two
 * sentences the loss is 0 (still attached to the graph).
 */
public final class LocalTextLoss {

    /** Finite "minus infinity" for masked logits: exp underflows to exactly 0 in float32 and float64. */
    static final double MASKED = -1e9;

    /**
     * @param sentences   (B, S, D) sentence features (or their prototypes)
     * @param imageAware  (B, S, D) image-aware sentences
     * @param mask        (B, S) boolean, true = real sentence
     * @param scale       () logit scale
     * @return () the loss
     */
    public NDArray compute(NDArray sentences, NDArray imageAware, NDArray mask, NDArray scale) {
        try (NDManager scope = NDManager.subManagerOf(sentences)) {
            Scopes.tempAttach(scope, sentences, imageAware, mask, scale);
            int s = Math.toIntExact(sentences.getShape().get(1));
            NDArray real = mask.toType(sentences.getDataType(), false); // (B, S)
            NDArray text = sentences.normalize(2, 2, 1e-12); // (B, S, D)
            NDArray image = imageAware.normalize(2, 2, 1e-12); // (B, S, D)
            NDArray logits = text.matMul(image.transpose(0, 2, 1)).mul(scale); // (B, S, S) sentence j vs image-aware k
            NDArray padBias = real.sub(Scalars.like(real, 1)).mul(Scalars.tensor(real, -MASKED)).expandDims(1); // (B, 1, S) 0 real, -1e9 padded column
            NDArray eye = scope.eye(s, s, 0, logits.getDataType()); // (S, S)
            NDArray textToImage = logits.add(padBias).logSoftmax(2).mul(eye).sum(new int[] {2}); // (B, S)
            NDArray imageToText = logits.transpose(0, 2, 1).add(padBias).logSoftmax(2).mul(eye).sum(new int[] {2}); // (B, S)
            NDArray hasNegatives = real.sum(new int[] {1}, true).gte(Scalars.like(real, 2)).toType(real.getDataType(), false); // (B, 1)
            NDArray weight = real.mul(hasNegatives); // (B, S) real sentences of reports with >= 2 sentences
            NDArray count = weight.sum().maximum(Scalars.tensor(weight, 1)); // ()
            NDArray total = textToImage.add(imageToText).mul(weight).sum(); // ()
            return scope.ret(total.div(count.mul(Scalars.tensor(total, -2.0))));
        }
    }
}
