package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * PyTorch's {@code nn.Embedding}: a learned (N, D) table indexed by integer ids; one parameter,
 * {@code weight}. Input ids of any shape (...) with values in [0, N); output (..., D).
 *
 * <p>DJL's own embeddings need a vocabulary object or use a gather_nd workaround; this block calls
 * the engine's embedding lookup directly. Initialised N(0, 0.02) as BERT.
 */
public final class LookupTable extends AbstractBlock {

    private final int numEmbeddings;
    private final int dim;
    private final Parameter weight;

    public LookupTable(int numEmbeddings, int dim) {
        if (numEmbeddings <= 0 || dim <= 0) {
            throw new IllegalArgumentException("table size must be positive, got " + numEmbeddings + " x " + dim);
        }
        this.numEmbeddings = numEmbeddings;
        this.dim = dim;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(numEmbeddings, dim)).optInitializer(new NormalInitializer(0.02f)).build());
    }

    public int getNumEmbeddings() {
        return numEmbeddings;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.head();                                                   // (...)
        NDArray table = ps.getValue(weight, ids.getDevice(), training);               // (N, D)
        NDArray index = ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        return Embedding.embedding(index, table, SparseFormat.DENSE);                  // (..., D)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {in[0].add(dim)};
    }
}
