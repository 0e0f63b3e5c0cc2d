package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention with separate query, key and value inputs and a key
 * padding mask, written out so each step is visible.
 *
 * <p>Dimensions: B batch, Lq query tokens, Lk key/value tokens, D embedding ({@code embedDim}),
 * H heads, d = D / H per head; Dk, Dv the widths of the key and value inputs (inferred at
 * initialisation, so keys and values may be narrower or wider than D).
 *
 * <pre>
 * inputs : query (B, Lq, D), key (B, Lk, Dk), value (B, Lk, Dv) [, keyMask (B, Lk) boolean, true = real token]
 * outputs: out (B, Lq, D) [, weights (B, H, Lq, Lk) if optReturnWeights(true)]
 * </pre>
 *
 * <p>Parameter names follow PyTorch: {@code q_proj}, {@code k_proj}, {@code v_proj},
 * {@code out_proj} (each {@code .weight} (D, in) and {@code .bias} (D)). The computation equals
 * {@code torch.nn.functional.multi_head_attention_forward} with the three projections stacked as
 * {@code in_proj_weight} and {@code key_padding_mask = ~keyMask}
 * (checked in {@code src/test/python/multi_head_attention.py}).
 *
 * <p>Masking: padded keys get a weight of exactly 0. A query whose keys are ALL padding gets
 * all-zero weights (not NaN, not a uniform average over padding), so its output is just
 * {@code out_proj.bias}; callers should mask such rows out of any loss.
 *
 * <p>Attention dropout ({@link Builder#optDropout}) acts on the weights in training only; the
 * returned weights are the ones before dropout.
 */
public final class MultiHeadAttention extends AbstractBlock {

    /** Finite fill for masked logits: exp(-1e9 - max) is exactly 0 in float32 and float64. */
    private static final float MASKED_LOGIT = -1e9f;

    private final int embedDim;
    private final int numHeads;
    private final float dropout;
    private final boolean returnWeights;

    private final Block qProj;
    private final Block kProj;
    private final Block vProj;
    private final Block outProj;

    private MultiHeadAttention(Builder b) {
        this.embedDim = b.embedDim;
        this.numHeads = b.numHeads;
        this.dropout = b.dropout;
        this.returnWeights = b.returnWeights;
        qProj = addChildBlock("q_proj", Init.linear(embedDim, b.bias, Init.torchDefault()));
        kProj = addChildBlock("k_proj", Init.linear(embedDim, b.bias, Init.torchDefault()));
        vProj = addChildBlock("v_proj", Init.linear(embedDim, b.bias, Init.torchDefault()));
        outProj = addChildBlock("out_proj", Init.linear(embedDim, b.bias, Init.torchDefault()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int getEmbedDim() {
        return embedDim;
    }

    public int getNumHeads() {
        return numHeads;
    }

    /**
     * Typed entry point: {@code keyMask} may be null (no padding). Returns {@code [out]} or
     * {@code [out, weights]} as configured by {@link Builder#optReturnWeights}.
     */
    public NDList forward(ParameterStore ps, NDArray query, NDArray key, NDArray value, NDArray keyMask,
                          boolean training) {
        NDList in = keyMask == null ? new NDList(query, key, value) : new NDList(query, key, value, keyMask);
        return forward(ps, in, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 3 && inputs.size() != 4) {
            throw new IllegalArgumentException("MultiHeadAttention expects [query, key, value(, keyMask)], got "
                    + inputs.size() + " arrays");
        }
        NDArray query = inputs.get(0);
        NDArray key = inputs.get(1);
        NDArray value = inputs.get(2);
        NDArray keyMask = inputs.size() == 4 ? inputs.get(3) : null;
        try (NDManager scope = NDManager.subManagerOf(query)) {
            Scopes.tempAttach(scope, inputs); // self-attention passes one array three times
            NDArray q = qProj.forward(ps, new NDList(query), training).head();                 // (B, Lq, D)
            NDArray k = kProj.forward(ps, new NDList(key), training).head();                   // (B, Lk, D)
            NDArray v = vProj.forward(ps, new NDList(value), training).head();                 // (B, Lk, D)
            NDList attended = attend(q, k, v, keyMask, numHeads, dropout, training);
            NDArray out = outProj.forward(ps, new NDList(attended.get(0)), training).head();   // (B, Lq, D)
            return scope.ret(returnWeights ? new NDList(out, attended.get(1)) : new NDList(out));
        }
    }

    /**
     * The attention itself, on already projected tensors; shared with the pooling layers, whose
     * projections carry other names (CLIP's {@code c_proj}).
     *
     * @param q (B, Lq, D) projected queries
     * @param k (B, Lk, D) projected keys
     * @param v (B, Lk, D) projected values
     * @param keyMask (B, Lk) true = real key, or null
     * @return [context (B, Lq, D) before the output projection, weights (B, H, Lq, Lk) before dropout]
     */
    public static NDList attend(NDArray q, NDArray k, NDArray v, NDArray keyMask, int numHeads, float dropout,
                                boolean training) {
        long b = q.getShape().get(0);
        long lq = q.getShape().get(1);
        long lk = k.getShape().get(1);
        long dim = q.getShape().get(2);
        long d = dim / numHeads;
        try (NDManager scope = NDManager.subManagerOf(q)) {
            Scopes.tempAttach(scope, q, k, v, keyMask);
            NDArray qh = heads(q, b, lq, numHeads, d);                                           // (B, H, Lq, d)
            NDArray kh = heads(k, b, lk, numHeads, d);                                           // (B, H, Lk, d)
            NDArray vh = heads(v, b, lk, numHeads, d);                                           // (B, H, Lk, d)
            NDArray logits = qh.mul(Scalars.tensor(qh, 1.0 / Math.sqrt(d))).matMul(kh.transpose(0, 1, 3, 2));       // (B, H, Lq, Lk)
            NDArray weights;
            if (keyMask == null) {
                weights = logits.softmax(-1);                                                    // (B, H, Lq, Lk)
            } else {
                NDArray real = (keyMask.getDataType() == DataType.BOOLEAN ? keyMask : keyMask.neq(0))
                        .reshape(b, 1, 1, lk);                                                   // (B, 1, 1, Lk)
                // DJL's where() does not broadcast: expand the mask and the fill to the logits' shape
                NDArray fill = scope.full(logits.getShape(), MASKED_LOGIT, logits.getDataType());
                NDArray masked = NDArrays.where(real.broadcast(logits.getShape()), logits, fill); // (B, H, Lq, Lk)
                // The product zeroes the weights of a query whose keys are all padding.
                weights = masked.softmax(-1).mul(real.toType(logits.getDataType(), false));     // (B, H, Lq, Lk)
            }
            NDArray used = training && dropout > 0
                    ? Dropout.dropout(weights, dropout, true).head() : weights;                  // (B, H, Lq, Lk)
            NDArray ctx = used.matMul(vh)                                                        // (B, H, Lq, d)
                    .transpose(0, 2, 1, 3)                                                       // (B, Lq, H, d)
                    .reshape(b, lq, dim);                                                        // (B, Lq, D)
            return scope.ret(new NDList(ctx, weights));
        }
    }

    /** (B, L, D) -> (B, H, L, d). */
    private static NDArray heads(NDArray x, long b, long l, int h, long d) {
        return x.reshape(b, l, h, d).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape q = in[0];
        Shape out = new Shape(q.get(0), q.get(1), embedDim);
        return returnWeights
                ? new Shape[] {out, new Shape(q.get(0), numHeads, q.get(1), in[1].get(1))}
                : new Shape[] {out};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        qProj.initialize(m, t, in[0]);
        kProj.initialize(m, t, in[1]);
        vProj.initialize(m, t, in[2]);
        outProj.initialize(m, t, new Shape(in[0].get(0), in[0].get(1), embedDim));
    }

    /** Builder: {@code setEmbedDim} and {@code setNumHeads} are required. */
    public static final class Builder {
        private int embedDim;
        private int numHeads;
        private float dropout;
        private boolean bias = true;
        private boolean returnWeights;

        private Builder() {}

        /** D: the width of the projections and of the output; must be divisible by the head count. */
        public Builder setEmbedDim(int embedDim) {
            this.embedDim = embedDim;
            return this;
        }

        /** H: number of heads (the paper's pooling layers use 8). */
        public Builder setNumHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        /** Dropout probability on the attention weights during training (default 0). */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Whether the four projections have a bias (default true, as PyTorch). */
        public Builder optBias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** Also return the attention weights (B, H, Lq, Lk) as the second output (default false). */
        public Builder optReturnWeights(boolean returnWeights) {
            this.returnWeights = returnWeights;
            return this;
        }

        public MultiHeadAttention build() {
            if (embedDim <= 0 || numHeads <= 0) {
                throw new IllegalArgumentException("embedDim and numHeads must be positive, got "
                        + embedDim + " and " + numHeads);
            }
            if (embedDim % numHeads != 0) {
                throw new IllegalArgumentException("embedDim " + embedDim + " is not divisible by numHeads " + numHeads);
            }
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            return new MultiHeadAttention(this);
        }
    }
}
