package org.priorkit.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.priorkit.nn.Init;
import org.priorkit.nn.MultiHeadAttention;
import org.priorkit.nn.Scopes;

/**
 * CLIP's attention pooling of a feature map into one vector (the paper's global image feature).
 *
 * <p>The mean of the I = h*w cell features is prepended as an extra token, a learned positional
 * embedding is added to all I+1 tokens, and the mean token alone queries all I+1 tokens with
 * H-head attention; {@code c_proj} maps the result to Dout.
 *
 * <p>Dimensions: B batch, C channels ({@code embedDim}), h x w map, I = h*w, Dout output width.
 * Input (B, C, h, w); output (B, Dout). Parameters, as CLIP's {@code AttentionPool2d}:
 * {@code positional_embedding} (I+1, C), {@code q_proj}, {@code k_proj}, {@code v_proj} (C, C),
 * {@code c_proj} (Dout, C).
 *
 * <p>Spatial size: I is taken from the input shape at initialisation (not hard-coded to 7x7); a
 * later input with another h x w is rejected with a clear error rather than silently interpolating
 * the positional embedding: re-initialise for the new size, or resize images to the training size.
 */
public final class AttentionPool2d extends AbstractBlock {

    private final int embedDim;
    private final int numHeads;
    private final int outputDim;
    private final Parameter positionalEmbedding;
    private final Block qProj;
    private final Block kProj;
    private final Block vProj;
    private final Block cProj;

    private AttentionPool2d(Builder b) {
        this.embedDim = b.embedDim;
        this.numHeads = b.numHeads;
        this.outputDim = b.outputDim > 0 ? b.outputDim : b.embedDim;
        positionalEmbedding = addParameter(Parameter.builder().setName("positional_embedding")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer((float) (1 / Math.sqrt(embedDim)))).build());
        qProj = addChildBlock("q_proj", Init.linear(embedDim));
        kProj = addChildBlock("k_proj", Init.linear(embedDim));
        vProj = addChildBlock("v_proj", Init.linear(embedDim));
        cProj = addChildBlock("c_proj", Init.linear(outputDim));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int getOutputDim() {
        return outputDim;
    }

    @Override
    protected void prepare(Shape[] in) {
        Shape s = in[0];
        if (s.dimension() != 4 || s.get(1) != embedDim) {
            throw new IllegalArgumentException("AttentionPool2d(" + embedDim + ") expects (B, " + embedDim
                    + ", h, w), got " + s);
        }
        positionalEmbedding.setShape(new Shape(s.get(2) * s.get(3) + 1, embedDim));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray map = inputs.head();                                                    // (B, C, h, w)
        long b = map.getShape().get(0);
        long cells = map.getShape().get(2) * map.getShape().get(3);
        NDArray pos = ps.getValue(positionalEmbedding, map.getDevice(), training);      // (I+1, C)
        if (pos.getShape().get(0) != cells + 1) {
            throw new IllegalArgumentException("AttentionPool2d was initialised for " + (pos.getShape().get(0) - 1)
                    + " cells but the feature map " + map.getShape() + " has " + cells
                    + "; use the input size it was built for (or re-initialise for this size)");
        }
        try (NDManager scope = NDManager.subManagerOf(map)) {
            Scopes.tempAttach(scope, map);
            NDArray tokens = map.reshape(b, embedDim, cells).transpose(0, 2, 1);        // (B, I, C)
            NDArray seq = tokens.mean(new int[] {1}, true).concat(tokens, 1)            // (B, I+1, C)
                    .add(pos);                                                          // (B, I+1, C)
            NDArray q = qProj.forward(ps, new NDList(seq.get(":, :1")), training).head(); // (B, 1, C)
            NDArray k = kProj.forward(ps, new NDList(seq), training).head();           // (B, I+1, C)
            NDArray v = vProj.forward(ps, new NDList(seq), training).head();           // (B, I+1, C)
            NDArray ctx = MultiHeadAttention.attend(q, k, v, null, numHeads, 0f, training).get(0); // (B, 1, C)
            NDArray out = cProj.forward(ps, new NDList(ctx), training).head();         // (B, 1, Dout)
            return scope.ret(new NDList(out.reshape(b, outputDim)));                    // (B, Dout)
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), outputDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape tokens = new Shape(in[0].get(0), in[0].get(2) * in[0].get(3) + 1, embedDim);
        qProj.initialize(m, t, tokens);
        kProj.initialize(m, t, tokens);
        vProj.initialize(m, t, tokens);
        cProj.initialize(m, t, tokens);
    }

    /** Builder: {@code setEmbedDim} (C) and {@code setNumHeads} are required. */
    public static final class Builder {
        private int embedDim;
        private int numHeads;
        private int outputDim;

        private Builder() {}

        /** C: channels of the feature map (2048 for ResNet-50). */
        public Builder setEmbedDim(int embedDim) {
            this.embedDim = embedDim;
            return this;
        }

        /** H: heads (8 in the paper). */
        public Builder setNumHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        /** Dout: output width (default C). */
        public Builder optOutputDim(int outputDim) {
            this.outputDim = outputDim;
            return this;
        }

        public AttentionPool2d build() {
            if (embedDim <= 0 || numHeads <= 0 || embedDim % numHeads != 0) {
                throw new IllegalArgumentException("embedDim " + embedDim + " must be a positive multiple of numHeads "
                        + numHeads);
            }
            return new AttentionPool2d(this);
        }
    }
}
