package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Sentence features as the mean of their tokens' features, for the whole batch at once.
 *
 * <p>Dimensions: B batch, T tokens, S sentences (padded), D width.
 *
 * <pre>
 * inputs : tokens (B, T, D), sentenceIndex (B, T) integer: the sentence of each token, -1 for
 *          [CLS], [SEP] and padding
 * outputs: [sentences (B, S, D), sentenceMask (B, S) boolean, true where the sentence has a token]
 * </pre>
 *
 * <p>How: a one-hot assignment A (B, T, S), A[b, t, s] = (index[b, t] == s), gives the sums
 * A^T x tokens (B, S, D) and the counts sum_t A (B, S); no loop over the batch. Sentences without
 * tokens are zero vectors with mask false. Tokens outside every sentence are zeroed before the
 * product, so even non-finite values there cannot leak. An index >= S is an error (truncate reports
 * to S sentences when tokenising).
 */
public final class SentencePooling extends AbstractBlock {

    private final int numSentences;

    /** @param numSentences S, the padded number of sentences per report */
    public SentencePooling(int numSentences) {
        if (numSentences <= 0) {
            throw new IllegalArgumentException("numSentences must be positive, got " + numSentences);
        }
        this.numSentences = numSentences;
    }

    public int getNumSentences() {
        return numSentences;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return pool(inputs.get(0), inputs.get(1), numSentences);
    }

    /** The computation, as a function: returns [sentences (B, S, D), sentenceMask (B, S)]. */
    public static NDList pool(NDArray tokens, NDArray sentenceIndex, int numSentences) {
        long b = tokens.getShape().get(0);
        long t = tokens.getShape().get(1);
        try (NDManager scope = NDManager.subManagerOf(tokens)) {
            Scopes.tempAttach(scope, tokens, sentenceIndex);
            NDArray index = sentenceIndex.toType(DataType.INT64, false);                  // (B, T)
            long max = index.max().getLong();
            if (max >= numSentences) {
                throw new IllegalArgumentException("sentence index " + max + " >= numSentences " + numSentences);
            }
            NDArray slots = scope.arange(0, numSentences, 1, DataType.INT64).reshape(1, 1, numSentences); // (1, 1, S)
            NDArray assign = index.reshape(b, t, 1).eq(slots);                             // (B, T, S) bool
            NDArray inSentence = index.gte(0).reshape(b, t, 1).broadcast(tokens.getShape()); // (B, T, D)
            NDArray clean = NDArrays.where(inSentence, tokens, scope.zeros(tokens.getShape(), tokens.getDataType()));
            NDArray a = assign.toType(tokens.getDataType(), false);                       // (B, T, S)
            NDArray sums = a.transpose(0, 2, 1).matMul(clean);                             // (B, S, D)
            NDArray counts = a.sum(new int[] {1});                                         // (B, S)
            NDArray sentences = sums.div(counts.maximum(Scalars.tensor(counts, 1)).expandDims(2));                // (B, S, D)
            NDArray mask = counts.gt(0);                                                   // (B, S)
            return scope.ret(new NDList(sentences, mask));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), numSentences, s.get(2)), new Shape(s.get(0), numSentences)};
    }
}
