package org.priorkit.text;

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
import org.priorkit.nn.Scopes;

/**
 * One post-LN BERT layer, with Hugging Face's module tree:
 *
 * <pre>
 * attention.self.{query,key,value}         a = LayerNorm(dense(selfAttention(x, mask)) + x)
 * attention.output.{dense,LayerNorm}
 * intermediate.dense                       f = gelu(intermediate.dense(a))        (exact erf GELU)
 * output.{dense,LayerNorm}                 y = LayerNorm(dense(f) + a)
 * </pre>
 *
 * <p>Inputs: x (B, T, D), mask (B, T) true = real token; output (B, T, D).
 */
final class BertLayer extends AbstractBlock {

    private final BertConfig config;
    private final Attention attention;
    private final Intermediate intermediate;
    private final BertAddNorm output;

    public BertLayer(BertConfig config) {
        this.config = config;
        attention = addChildBlock("attention", new Attention(config));
        intermediate = addChildBlock("intermediate", new Intermediate(config));
        output = addChildBlock("output", new BertAddNorm(config));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);                                                     // (B, T, D)
        try (NDManager scope = NDManager.subManagerOf(x)) {
            Scopes.tempAttach(scope, inputs);
            NDArray a = attention.forward(ps, inputs, training).head();                // (B, T, D)
            NDArray f = intermediate.forward(ps, new NDList(a), training).head();      // (B, T, F)
            NDArray y = output.forward(ps, new NDList(f, a), training).head();         // (B, T, D)
            return scope.ret(new NDList(y));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        attention.initialize(m, t, in);
        intermediate.initialize(m, t, in[0]);
        output.initialize(m, t, intermediate.getOutputShapes(new Shape[] {in[0]})[0], in[0]);
    }

    /** {@code attention}: self-attention ({@code self}) and its residual step ({@code output}). */
    static final class Attention extends AbstractBlock {
        private final BertSelfAttention self;
        private final BertAddNorm output;

        Attention(BertConfig config) {
            self = addChildBlock("self", new BertSelfAttention(config));
            output = addChildBlock("output", new BertAddNorm(config));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray ctx = self.forward(ps, inputs, training).head();                   // (B, T, D)
            return output.forward(ps, new NDList(ctx, inputs.get(0)), training);       // (B, T, D)
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return new Shape[] {in[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
            self.initialize(m, t, in);
            output.initialize(m, t, in[0], in[0]);
        }
    }

    /** {@code intermediate}: {@code gelu(dense(x))}, D -> F. */
    static final class Intermediate extends AbstractBlock {
        private final int width;
        private final Block dense;

        Intermediate(BertConfig config) {
            width = config.intermediateSize();
            dense = addChildBlock("dense", Linear.builder().setUnits(width).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            // DJL's gelu on PyTorch is the exact erf form (pinned by FeedForwardTest)
            return new NDList(Activation.gelu(dense.forward(ps, inputs, training).head())); // (B, T, F)
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            Shape s = in[0];
            return new Shape[] {s.slice(0, s.dimension() - 1).add(width)};
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
            dense.initialize(m, t, in[0]);
        }
    }
}
