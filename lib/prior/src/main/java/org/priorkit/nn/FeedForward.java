package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Position-wise feed-forward block of a transformer: {@code fc2(dropout(gelu(fc1(x))))}.
 *
 * <p>Dimensions: B batch, L tokens, D model width, F hidden width. Input (..., D), output (..., D).
 * Parameter names: {@code fc1} (F, D), {@code fc2} (D, F).
 *
 * <p>GELU is the exact form {@code x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2))} used by BERT and by
 * PyTorch's default {@code nn.GELU()}: DJL's {@link Activation#gelu(NDArray)} on the PyTorch
 * engine calls {@code torch.gelu} without approximation (checked by {@code FeedForwardTest} against
 * erf values, where the tanh approximation would be off by about 1e-4).
 */
public final class FeedForward extends AbstractBlock {

    private final int dim;
    private final float dropout;
    private final Block fc1;
    private final Block fc2;

    private FeedForward(Builder b) {
        this.dim = b.dim;
        this.dropout = b.dropout;
        fc1 = addChildBlock("fc1", Init.linear(b.hiddenDim));
        fc2 = addChildBlock("fc2", Init.linear(b.dim));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();                                                   // (..., D)
        try (NDManager scope = NDManager.subManagerOf(x)) {
            Scopes.tempAttach(scope, inputs);
            NDArray h = Activation.gelu(fc1.forward(ps, new NDList(x), training).head()); // (..., F)
            if (training && dropout > 0) {
                h = Dropout.dropout(h, dropout, true).head();
            }
            NDArray y = fc2.forward(ps, new NDList(h), training).head();             // (..., D)
            return scope.ret(new NDList(y));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0].slice(0, in[0].dimension() - 1).add(dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        fc1.initialize(m, t, in[0]);
        fc2.initialize(m, t, fc1.getOutputShapes(in));
    }

    /** Builder: {@code setDim} and {@code setHiddenDim} are required. */
    public static final class Builder {
        private int dim;
        private int hiddenDim;
        private float dropout;

        private Builder() {}

        /** D: input and output width. */
        public Builder setDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** F: hidden width (BERT: 4 D). */
        public Builder setHiddenDim(int hiddenDim) {
            this.hiddenDim = hiddenDim;
            return this;
        }

        /** Dropout after the activation, in training only (default 0). */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        public FeedForward build() {
            if (dim <= 0 || hiddenDim <= 0) {
                throw new IllegalArgumentException("dim and hiddenDim must be positive, got " + dim + ", " + hiddenDim);
            }
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            return new FeedForward(this);
        }
    }
}
