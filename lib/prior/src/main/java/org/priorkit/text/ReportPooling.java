package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Init;
import org.priorkit.nn.MultiHeadAttention;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

/**
 * The report (global text) feature: attention pooling over a report's sentence features.
 *
 * <p>The masked mean of the real sentences is prepended as a query token; it attends with H heads
 * over [mean; sentences], padded sentences excluded; no positional embedding (sentence order is not
 * encoded); {@code c_proj} maps to Dout. Parameters as {@link org.priorkit.vision.AttentionPool2d}:
 * {@code q_proj}, {@code k_proj}, {@code v_proj} (D, D), {@code c_proj} (Dout, D).
 *
 * <p>Dimensions: B batch, S sentences (padded), D width, Dout output width.
 *
 * <pre>
 * inputs : sentences (B, S, D), sentenceMask (B, S) true = real sentence
 * output : report (B, Dout)
 * </pre>
 *
 * <p>A report without any real sentence still gets a finite feature (its mean token is 0 and is the
 * only key), so a bad sample cannot poison a batch with NaN.
 */
public final class ReportPooling extends AbstractBlock {

    private final int embedDim;
    private final int numHeads;
    private final int outputDim;
    private final Block qProj;
    private final Block kProj;
    private final Block vProj;
    private final Block cProj;

    private ReportPooling(Builder b) {
        this.embedDim = b.embedDim;
        this.numHeads = b.numHeads;
        this.outputDim = b.outputDim > 0 ? b.outputDim : b.embedDim;
        qProj = addChildBlock("q_proj", Init.linear(embedDim));
        kProj = addChildBlock("k_proj", Init.linear(embedDim));
        vProj = addChildBlock("v_proj", Init.linear(embedDim));
        cProj = addChildBlock("c_proj", Init.linear(outputDim));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray sentences = inputs.get(0);                                             // (B, S, D)
        NDArray mask = inputs.get(1);                                                  // (B, S)
        long b = sentences.getShape().get(0);
        try (NDManager scope = NDManager.subManagerOf(sentences)) {
            Scopes.tempAttach(scope, sentences, mask);
            NDArray real = mask.getDataType() == DataType.BOOLEAN ? mask : mask.neq(0);  // (B, S)
            NDArray w = real.toType(sentences.getDataType(), false).expandDims(2);     // (B, S, 1)
            NDArray mean = sentences.mul(w).sum(new int[] {1}, true)
                    .div(w.sum(new int[] {1}, true).maximum(Scalars.tensor(w, 1)));                      // (B, 1, D)
            NDArray seq = mean.concat(sentences, 1);                                   // (B, S+1, D)
            NDArray keep = scope.ones(new Shape(b, 1), DataType.BOOLEAN).concat(real, 1); // (B, S+1)
            NDArray q = qProj.forward(ps, new NDList(mean), training).head();          // (B, 1, D)
            NDArray k = kProj.forward(ps, new NDList(seq), training).head();           // (B, S+1, D)
            NDArray v = vProj.forward(ps, new NDList(seq), training).head();           // (B, S+1, D)
            NDArray ctx = MultiHeadAttention.attend(q, k, v, keep, numHeads, 0f, training).get(0); // (B, 1, D)
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
        Shape seq = new Shape(in[0].get(0), in[0].get(1) + 1, embedDim);
        qProj.initialize(m, t, seq);
        kProj.initialize(m, t, seq);
        vProj.initialize(m, t, seq);
        cProj.initialize(m, t, seq);
    }

    /** Builder: {@code setEmbedDim} and {@code setNumHeads} are required. */
    public static final class Builder {
        private int embedDim;
        private int numHeads;
        private int outputDim;

        private Builder() {}

        /** D: sentence feature width. */
        public Builder setEmbedDim(int embedDim) {
            this.embedDim = embedDim;
            return this;
        }

        /** H: heads (8 in the paper). */
        public Builder setNumHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        /** Dout: report feature width (default D). */
        public Builder optOutputDim(int outputDim) {
            this.outputDim = outputDim;
            return this;
        }

        public ReportPooling build() {
            if (embedDim <= 0 || numHeads <= 0 || embedDim % numHeads != 0) {
                throw new IllegalArgumentException("embedDim " + embedDim + " must be a positive multiple of numHeads "
                        + numHeads);
            }
            return new ReportPooling(this);
        }
    }
}
