package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.MultiHeadAttention;
import org.priorkit.nn.Scopes;

/**
 * BERT's self-attention without its output projection (which Hugging Face puts in
 * {@code attention.output.dense}): linear maps {@code query}, {@code key}, {@code value}, then
 * H-head scaled dot-product attention over the real tokens only.
 *
 * <p>Inputs: x (B, T, D), mask (B, T) true = real token; output: context (B, T, D).
 */
final class BertSelfAttention extends AbstractBlock {

    private final BertConfig config;
    private final Block query;
    private final Block key;
    private final Block value;

    public BertSelfAttention(BertConfig config) {
        this.config = config;
        query = addChildBlock("query", Linear.builder().setUnits(config.hiddenSize()).build());
        key = addChildBlock("key", Linear.builder().setUnits(config.hiddenSize()).build());
        value = addChildBlock("value", Linear.builder().setUnits(config.hiddenSize()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);                                                     // (B, T, D)
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;                       // (B, T)
        try (NDManager scope = NDManager.subManagerOf(x)) {
            Scopes.tempAttach(scope, x, mask);
            NDArray q = query.forward(ps, new NDList(x), training).head();             // (B, T, D)
            NDArray k = key.forward(ps, new NDList(x), training).head();               // (B, T, D)
            NDArray v = value.forward(ps, new NDList(x), training).head();             // (B, T, D)
            NDArray ctx = MultiHeadAttention.attend(q, k, v, mask, config.numHeads(),
                    config.attentionDropout(), training).get(0);                       // (B, T, D)
            return scope.ret(new NDList(ctx));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        query.initialize(m, t, in[0]);
        key.initialize(m, t, in[0]);
        value.initialize(m, t, in[0]);
    }
}
