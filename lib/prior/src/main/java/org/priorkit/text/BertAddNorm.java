package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;

/**
 * The post-LN residual step that closes each BERT sub-layer:
 * {@code LayerNorm(dropout(dense(h)) + residual)}. Hugging Face calls it {@code BertSelfOutput}
 * (after attention, as {@code attention.output}) and {@code BertOutput} (after the feed-forward, as
 * {@code output}); both have children {@code dense} and {@code LayerNorm}.
 *
 * <p>Inputs: h (B, T, Din), residual (B, T, D); output (B, T, D).
 */
final class BertAddNorm extends AbstractBlock {

    private final BertConfig config;
    private final Block dense;
    private final Block layerNorm;

    public BertAddNorm(BertConfig config) {
        this.config = config;
        dense = addChildBlock("dense", Linear.builder().setUnits(config.hiddenSize()).build());
        layerNorm = addChildBlock("LayerNorm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = inputs.get(0);                                                     // (B, T, Din)
        NDArray residual = inputs.get(1);                                              // (B, T, D)
        try (NDManager scope = NDManager.subManagerOf(h)) {
            Scopes.tempAttach(scope, h, residual);
            NDArray y = dense.forward(ps, new NDList(h), training).head();             // (B, T, D)
            if (training && config.hiddenDropout() > 0) {
                y = Dropout.dropout(y, config.hiddenDropout(), true).head();
            }
            y = layerNorm.forward(ps, new NDList(y.add(residual)), training).head();   // (B, T, D)
            return scope.ret(new NDList(y));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        dense.initialize(m, t, in[0]);
        layerNorm.initialize(m, t, in[1]);
    }
}
