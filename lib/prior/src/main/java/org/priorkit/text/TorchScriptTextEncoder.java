package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;
import org.priorkit.nn.TorchScriptBlock;

import java.nio.file.Path;

/**
 * A user's exported text encoder (e.g. Bio_ClinicalBERT) in place of the kit's {@link TextEncoder},
 * with the same output contract.
 *
 * <p>Expected TorchScript signature:
 * {@code forward(input_ids: Tensor[B, T] int64, attention_mask: Tensor[B, T] int64) -> Tensor[B, T, D]},
 * or a tuple whose FIRST element is the last hidden states -- what Hugging Face's {@code BertModel}
 * gives when traced with {@code torchscript=True}:
 * {@code torch.jit.trace(BertModel.from_pretrained(name, torchscript=True).eval(), (ids, mask)).save(path)}.
 *
 * <pre>
 * inputs : ids (B, T) integer, attentionMask (B, T) (1/true = real token); converted to int64
 * outputs: [hidden (B, T, D), cls (B, D) = hidden[:, 0]]
 * </pre>
 */
public final class TorchScriptTextEncoder extends AbstractBlock implements AutoCloseable {

    private final TorchScriptBlock script;

    private TorchScriptTextEncoder(TorchScriptBlock script) {
        this.script = addChildBlock("script", script);
    }

    /** Loads a TorchScript file from the local disk (offline). */
    public static TorchScriptTextEncoder load(Path file) {
        return new TorchScriptTextEncoder(TorchScriptBlock.load(file));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);                                                   // (B, T)
        NDArray mask = inputs.get(1);                                                  // (B, T)
        try (NDManager scope = NDManager.subManagerOf(ids)) {
            Scopes.tempAttach(scope, ids, mask);
            NDArray ids64 = ids.toType(DataType.INT64, false);
            NDArray mask64 = mask.toType(DataType.INT64, false);
            NDArray hidden = script.forward(ps, new NDList(ids64, mask64), training).get(0); // (B, T, D)
            Shape s = hidden.getShape();
            if (s.dimension() != 3 || s.get(0) != ids.getShape().get(0) || s.get(1) != ids.getShape().get(1)) {
                throw new IllegalStateException("TorchScript text encoder must return hidden states (B, T, D) first, "
                        + "returned " + s + " for ids " + ids.getShape());
            }
            return scope.ret(new NDList(hidden, hidden.get(":, 0, :")));              // (B, T, D), (B, D)
        }
    }

    /** Runs the module once on int64 ones to learn D. */
    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList out = forwardInternal(new ParameterStore(m, false),
                    new NDList(m.ones(in[0], DataType.INT64), m.ones(in[1], DataType.INT64)), false, null);
            return new Shape[] {out.get(0).getShape(), out.get(1).getShape()};
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        // weights come from the file
    }

    @Override
    public void close() {
        script.close();
    }
}
