package org.priorkit.align;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Init;

/**
 * SimSiam's predictor head for the local image loss: Linear(D, D/2) - ReLU - Linear(D/2, D),
 * applied to the last axis (any leading shape, e.g. (B, I, D)). Children {@code fc1}, {@code fc2}.
 */
public final class SimSiamPredictor extends AbstractBlock {

    final Block fc1;
    final Block fc2;
    private final int embedding;

    private SimSiamPredictor(Builder b) {
        embedding = b.embedding;
        fc1 = addChildBlock("fc1", Init.linear(b.embedding / 2, true, Init.normal(Math.pow(b.embedding, -0.5)))); // official init
        fc2 = addChildBlock("fc2", Init.linear(b.embedding));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList hidden = fc1.forward(ps, inputs, training); // (..., D/2)
        hidden = new NDList(Activation.relu(hidden.singletonOrThrow())); // (..., D/2)
        return fc2.forward(ps, hidden, training); // (..., D)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        fc1.initialize(manager, dataType, in);
        fc2.initialize(manager, dataType, fc1.getOutputShapes(in));
    }

    public static final class Builder {
        private int embedding;

        private Builder() {}

        public Builder setEmbedding(int embedding) {
            this.embedding = embedding;
            return this;
        }

        public SimSiamPredictor build() {
            if (embedding < 2) {
                throw new IllegalArgumentException("setEmbedding(D) with D >= 2 is required");
            }
            return new SimSiamPredictor(this);
        }
    }
}
