package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.LookupTable;
import org.priorkit.nn.Scopes;

/**
 * BERT's input embeddings: {@code LayerNorm(word[ids] + position[0..T-1] + token_type[types])}, then
 * dropout in training. Names as Hugging Face's {@code BertEmbeddings}: {@code word_embeddings},
 * {@code position_embeddings}, {@code token_type_embeddings}, {@code LayerNorm}.
 *
 * <p>Inputs: ids (B, T) integer [, token types (B, T) integer, default all 0]; output (B, T, D).
 */
final class BertEmbeddings extends AbstractBlock {

    private final BertConfig config;
    private final LookupTable wordEmbeddings;
    private final LookupTable positionEmbeddings;
    private final LookupTable tokenTypeEmbeddings;
    private final Block layerNorm;

    public BertEmbeddings(BertConfig config) {
        this.config = config;
        int d = config.hiddenSize();
        wordEmbeddings = addChildBlock("word_embeddings", new LookupTable(config.vocabSize(), d));
        positionEmbeddings = addChildBlock("position_embeddings", new LookupTable(config.maxPositions(), d));
        tokenTypeEmbeddings = addChildBlock("token_type_embeddings", new LookupTable(config.typeVocabSize(), d));
        layerNorm = addChildBlock("LayerNorm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);                                                   // (B, T)
        long t = ids.getShape().get(1);
        if (t > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + t + " tokens exceeds maxPositions "
                    + config.maxPositions());
        }
        try (NDManager scope = NDManager.subManagerOf(ids)) {
            Scopes.tempAttach(scope, inputs);
            NDArray types = inputs.size() > 1 && inputs.get(1) != null ? inputs.get(1)
                    : scope.zeros(ids.getShape(), DataType.INT64);                     // (B, T)
            NDArray positions = scope.arange(0, t, 1, DataType.INT64).reshape(1, t);   // (1, T)
            NDArray x = wordEmbeddings.forward(ps, new NDList(ids), training).head()   // (B, T, D)
                    .add(tokenTypeEmbeddings.forward(ps, new NDList(types), training).head())
                    .add(positionEmbeddings.forward(ps, new NDList(positions), training).head()); // (1, T, D) broadcast
            x = layerNorm.forward(ps, new NDList(x), training).head();                 // (B, T, D)
            if (training && config.hiddenDropout() > 0) {
                x = Dropout.dropout(x, config.hiddenDropout(), true).head();
            }
            return scope.ret(new NDList(x));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0].add(config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        wordEmbeddings.initialize(m, t, in[0]);
        positionEmbeddings.initialize(m, t, in[0]);
        tokenTypeEmbeddings.initialize(m, t, in[0]);
        layerNorm.initialize(m, t, in[0].add(config.hiddenSize()));
    }
}
