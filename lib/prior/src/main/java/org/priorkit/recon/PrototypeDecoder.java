package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.FeedForward;
import org.priorkit.nn.MultiHeadAttention;
import org.priorkit.nn.Scopes;

/**
 * Non-autoregressive report decoder: Q learnable queries read the image and become Q decoded
 * sentences, later matched one-to-one to the report's sentence prototypes
 * ({@link HungarianMatcher}, {@link ReportReconstructionLoss}).
 *
 * <p>Dimensions: B batch, Q queries (paper 16), I image tokens, D embedding.
 *
 * <pre>
 *   x = queries                                    (Q, D) -> (B, Q, D)
 *   N times (post-LN, like BERT):
 *     x = norm1(x + selfAttn(x, x, x))             no causal mask: every query sees every query
 *     x = norm2(x + crossAttn(x, image, image))    queries attend to the image tokens
 *     x = norm3(x + ffn(x))                        Linear(D, F) - GELU - Linear(F, D)
 *   -> (B, Q, D)
 * </pre>
 *
 * Inputs: image tokens (B, I, D) [, image token mask (B, I) boolean]. Output: (B, Q, D).
 * Children: {@code queries} (Q, D), {@code layers.n.self_attn}, {@code .norm1},
 * {@code .cross_attn}, {@code .norm2}, {@code .ffn.fc1}, {@code .ffn.fc2}, {@code .norm3}; attention
 * is {@link MultiHeadAttention} (q_proj/k_proj/v_proj/out_proj).
 */
public final class PrototypeDecoder extends AbstractBlock {

    private final Parameter queries;
    private final SequentialBlock layers;
    private final int numQueries;
    private final int embedding;

    private PrototypeDecoder(Builder b) {
        numQueries = b.queries;
        embedding = b.embedding;
        queries = addParameter(Parameter.builder().setName("queries").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(b.queries, b.embedding)).build());
        SequentialBlock seq = new SequentialBlock();
        for (int n = 0; n < b.layers; n++) {
            seq.add(new DecoderLayer(b));
        }
        layers = addChildBlock("layers", seq);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int getNumQueries() {
        return numQueries;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.get(0); // (B, I, D)
        NDArray imageMask = inputs.size() > 1 ? inputs.get(1) : null; // (B, I) or absent
        long b = image.getShape().get(0);
        NDArray q = ps.getValue(queries, image.getDevice(), training); // (Q, D)
        // An op's result belongs to its first operand's manager: start from the batch's, not the
        // model's (the queries'), or every step's decoder activations would live as long as the model.
        NDArray x = image.getManager().zeros(new Shape(b, numQueries, embedding), image.getDataType(), image.getDevice())
                .add(q); // (B, Q, D) every sample starts from the same learned queries
        for (Block layer : layers.getChildren().values()) {
            NDList in = imageMask == null ? new NDList(x, image) : new NDList(x, image, imageMask);
            x = layer.forward(ps, in, training).singletonOrThrow(); // (B, Q, D)
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), numQueries, embedding)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape x = new Shape(in[0].get(0), numQueries, embedding);
        for (Block layer : layers.getChildren().values()) {
            layer.initialize(manager, dataType, x, in[0]);
        }
    }

    /** One post-LN decoder layer; inputs (x (B, Q, D), image (B, I, D) [, mask (B, I)]). */
    static final class DecoderLayer extends AbstractBlock {
        private final MultiHeadAttention selfAttn;
        private final Block norm1;
        private final MultiHeadAttention crossAttn;
        private final Block norm2;
        private final Block ffn;
        private final Block norm3;
        private final float dropout;

        DecoderLayer(Builder b) {
            dropout = b.dropout;
            selfAttn = addChildBlock("self_attn", MultiHeadAttention.builder().setEmbedDim(b.embedding)
                    .setNumHeads(b.heads).optDropout(b.dropout).build());
            norm1 = addChildBlock("norm1", norm(b));
            crossAttn = addChildBlock("cross_attn", MultiHeadAttention.builder().setEmbedDim(b.embedding)
                    .setNumHeads(b.heads).optDropout(b.dropout).build());
            norm2 = addChildBlock("norm2", norm(b));
            ffn = addChildBlock("ffn", FeedForward.builder().setDim(b.embedding).setHiddenDim(b.hidden)
                    .optDropout(b.dropout).build());
            norm3 = addChildBlock("norm3", norm(b));
        }

        private static Block norm(Builder b) {
            return LayerNorm.builder().axis(2).optEpsilon(b.epsilon).build();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.get(0); // (B, Q, D)
            NDArray image = inputs.get(1); // (B, I, D)
            NDArray mask = inputs.size() > 2 ? inputs.get(2) : null; // (B, I)
            try (NDManager scope = NDManager.subManagerOf(x)) {
                Scopes.tempAttach(scope, x, image, mask);
                NDArray a = selfAttn.forward(ps, x, x, x, null, training).head(); // (B, Q, D)
                x = norm1.forward(ps, new NDList(x.add(drop(a, training))), training).head(); // (B, Q, D)
                NDArray c = crossAttn.forward(ps, x, image, image, mask, training).head(); // (B, Q, D)
                x = norm2.forward(ps, new NDList(x.add(drop(c, training))), training).head(); // (B, Q, D)
                NDArray f = ffn.forward(ps, new NDList(x), training).head(); // (B, Q, D)
                x = norm3.forward(ps, new NDList(x.add(drop(f, training))), training).head(); // (B, Q, D)
                return scope.ret(new NDList(x));
            }
        }

        private NDArray drop(NDArray x, boolean training) {
            return training && dropout > 0 ? Dropout.dropout(x, dropout, true).head() : x;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return new Shape[] {in[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            Shape x = in[0];
            Shape image = in[1];
            selfAttn.initialize(manager, dataType, x, x, x);
            norm1.initialize(manager, dataType, x);
            crossAttn.initialize(manager, dataType, x, image, image);
            norm2.initialize(manager, dataType, x);
            ffn.initialize(manager, dataType, x);
            norm3.initialize(manager, dataType, x);
        }
    }

    public static final class Builder {
        private int queries = 16;
        private int embedding;
        private int layers = 8;
        private int heads = 12;
        private int hidden;
        private float dropout = 0.1f;
        private float epsilon = 1e-12f;

        private Builder() {}

        /** Q, the number of decoded sentences (paper: 16; reports are truncated to Q sentences). */
        public Builder optQueries(int queries) {
            this.queries = queries;
            return this;
        }

        /** D, the width of the image tokens and of the sentence prototypes. */
        public Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        /** N decoder layers (paper: 8). */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Attention heads (BERT-base: 12). */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** FFN hidden width (default 4 D, as BERT). */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Dropout on attention weights and on each sublayer's output, training only (BERT: 0.1). */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** LayerNorm epsilon (BERT: 1e-12). */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public PrototypeDecoder build() {
            if (embedding <= 0 || queries <= 0 || layers <= 0 || heads <= 0) {
                throw new IllegalArgumentException("setEmbedding(D) and positive queries, layers, heads are required");
            }
            if (hidden == 0) {
                hidden = 4 * embedding;
            }
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            return new PrototypeDecoder(this);
        }
    }
}
