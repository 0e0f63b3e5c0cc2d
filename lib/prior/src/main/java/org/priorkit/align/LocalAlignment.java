package org.priorkit.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Init;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * Local cross-attention between the image tokens and the sentences of the SAME image-report pair,
 * in both directions, batched with a sentence mask.
 *
 * <p>Dimensions: B batch, I image tokens, S sentences (padded), D embedding.
 *
 * <ul>
 *   <li>text-to-image: every image token queries the sentences ({@code t2i_q} on image tokens,
 *       {@code t2i_k}/{@code t2i_v} on sentences), giving a text-aware image token (B, I, D);
 *   <li>image-to-text: every sentence queries the image tokens ({@code i2t_q} on sentences,
 *       {@code i2t_k}/{@code i2t_v} on image tokens), giving an image-aware sentence (B, S, D).
 * </ul>
 *
 * Scores {@code q.k / sqrt(D)} pass through a SIGMOID, not a softmax: each weight is an independent
 * relevance in (0, 1) and the weights of a row need not sum to one. Padded sentences get weight zero
 * (as keys: they add nothing to an image token; as queries: their output row and attention row are
 * zero).
 *
 * <p>Inputs: image tokens (B, I, D), sentences (B, S, D), sentence mask (B, S) boolean, true = real.
 * Outputs: text-aware image tokens (B, I, D), image-aware sentences (B, S, D), sentence-to-region
 * attention (B, S, I) (for the notebooks' heat maps), region-to-sentence attention (B, I, S).
 */
public final class LocalAlignment extends AbstractBlock {

    final Block t2iQ;
    final Block t2iK;
    final Block t2iV;
    final Block i2tQ;
    final Block i2tK;
    final Block i2tV;
    private final int embedding;

    private LocalAlignment(Builder b) {
        embedding = b.embedding;
        t2iQ = addChildBlock("t2i_q", linear(b.embedding));
        t2iK = addChildBlock("t2i_k", linear(b.embedding));
        t2iV = addChildBlock("t2i_v", linear(b.embedding));
        i2tQ = addChildBlock("i2t_q", linear(b.embedding));
        i2tK = addChildBlock("i2t_k", linear(b.embedding));
        i2tV = addChildBlock("i2t_v", linear(b.embedding));
    }

    private static Linear linear(int units) {
        return Init.linear(units);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.get(0); // (B, I, D)
        NDArray sentences = inputs.get(1); // (B, S, D)
        NDArray mask = inputs.get(2); // (B, S) boolean
        try (NDManager scope = NDManager.subManagerOf(image)) {
            Scopes.tempAttach(scope, image, sentences, mask);
            double invSqrtD = 1.0 / Math.sqrt(embedding);
            NDArray real = mask.toType(image.getDataType(), false); // (B, S) 1 = real sentence

            NDArray q = one(t2iQ, ps, image, training); // (B, I, D)
            NDArray k = one(t2iK, ps, sentences, training); // (B, S, D)
            NDArray v = one(t2iV, ps, sentences, training); // (B, S, D)
            NDArray regionToSentence = Activation.sigmoid(q.matMul(k.transpose(0, 2, 1)).mul(Scalars.tensor(q, invSqrtD))) // (B, I, S)
                    .mul(real.expandDims(1)); // (B, I, S) padded sentences weigh 0
            NDArray textAwareImage = regionToSentence.matMul(v); // (B, I, D)

            NDArray q2 = one(i2tQ, ps, sentences, training); // (B, S, D)
            NDArray k2 = one(i2tK, ps, image, training); // (B, I, D)
            NDArray v2 = one(i2tV, ps, image, training); // (B, I, D)
            NDArray sentenceToRegion = Activation.sigmoid(q2.matMul(k2.transpose(0, 2, 1)).mul(Scalars.tensor(q2, invSqrtD))) // (B, S, I)
                    .mul(real.expandDims(2)); // (B, S, I) padded rows 0
            NDArray imageAwareSentences = sentenceToRegion.matMul(v2); // (B, S, D)

            return scope.ret(new NDList(textAwareImage, imageAwareSentences, sentenceToRegion, regionToSentence));
        }
    }

    private static NDArray one(Block linear, ParameterStore ps, NDArray x, boolean training) {
        return linear.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        long i = in[0].get(1);
        long s = in[1].get(1);
        return new Shape[] {
            new Shape(b, i, embedding), new Shape(b, s, embedding), new Shape(b, s, i), new Shape(b, i, s)
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        for (Block image : new Block[] {t2iQ, i2tK, i2tV}) {
            image.initialize(manager, dataType, in[0]);
        }
        for (Block text : new Block[] {t2iK, t2iV, i2tQ}) {
            text.initialize(manager, dataType, in[1]);
        }
    }

    public static final class Builder {
        private int embedding;

        private Builder() {}

        /** Width D of image tokens and sentence features (both already projected to D). */
        public Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        public LocalAlignment build() {
            if (embedding <= 0) {
                throw new IllegalArgumentException("setEmbedding(D) with D > 0 is required");
            }
            return new LocalAlignment(this);
        }
    }
}
