package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Init;
import org.priorkit.nn.Scopes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kit's BERT text encoder (paper: Bio_ClinicalBERT), post-LN as the original, with the parameter
 * names of Hugging Face's {@code BertModel} state_dict ({@code embeddings.word_embeddings.weight},
 * {@code encoder.layer.0.attention.self.query.weight}, ...), so exported Bio_ClinicalBERT weights load
 * with {@link org.priorkit.nn.StateDict#load} after {@link #huggingFaceStateDict}.
 *
 * <p>Dimensions: B batch, T tokens, D hidden size.
 *
 * <pre>
 * inputs : ids (B, T) integer, attentionMask (B, T) (1/true = real token) [, tokenTypeIds (B, T)]
 * outputs: [hidden (B, T, D) last hidden states, cls (B, D) = hidden[:, 0]]
 * </pre>
 *
 * <p>Weights start as BERT's do, N(0, 0.02) (see {@link Init}); load Bio_ClinicalBERT's to start from it.
 *
 * <p>[CLS] is token 0 (DJL's BertBlock pools token 1, a trap). Padding keys are excluded from every
 * attention; hidden states at padded positions are computed (as in Hugging Face) but meaningless, so
 * consumers must mask them (sentence pooling does).
 */
public final class TextEncoder extends AbstractBlock {

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final Encoder encoder;

    public TextEncoder(BertConfig config) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        encoder = addChildBlock("encoder", new Encoder(config));
        // BERT's init (Hugging Face's _init_weights): every weight N(0, 0.02), LayerNorm 1 and 0, biases 0.
        Init.weights(this, Init.normal(0.02));
    }

    public BertConfig getConfig() {
        return config;
    }

    /** Typed entry point; {@code tokenTypeIds} may be null (all 0). Returns [hidden, cls]. */
    public NDList forward(ParameterStore ps, NDArray ids, NDArray attentionMask, NDArray tokenTypeIds,
                          boolean training) {
        NDList in = tokenTypeIds == null ? new NDList(ids, attentionMask) : new NDList(ids, attentionMask, tokenTypeIds);
        return forward(ps, in, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);                                                   // (B, T)
        NDArray mask = inputs.get(1);                                                  // (B, T)
        NDArray types = inputs.size() > 2 ? inputs.get(2) : null;                     // (B, T)
        try (NDManager scope = NDManager.subManagerOf(ids)) {
            Scopes.tempAttach(scope, ids, mask, types);
            NDArray real = mask.getDataType() == DataType.BOOLEAN ? mask : mask.neq(0); // (B, T)
            NDList embIn = types == null ? new NDList(ids) : new NDList(ids, types);
            NDArray x = embeddings.forward(ps, embIn, training).head();                // (B, T, D)
            NDArray hidden = encoder.forward(ps, new NDList(x, real), training).head(); // (B, T, D)
            NDArray cls = hidden.get(":, 0, :");                                       // (B, D)
            return scope.ret(new NDList(hidden, cls));
        }
    }

    /**
     * A Hugging Face Bio_ClinicalBERT state_dict made loadable: strips a leading {@code bert.} (from
     * {@code BertForPreTraining}/{@code BertForMaskedLM} checkpoints) and drops what the encoder does
     * not have: the {@code pooler.*} (the kit uses [CLS] / attention pooling), the MLM/NSP heads
     * {@code cls.*}, and the buffers {@code embeddings.position_ids}/{@code token_type_ids}.
     */
    public static Map<String, NDArray> huggingFaceStateDict(Map<String, NDArray> hf) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : hf.entrySet()) {
            String k = e.getKey().startsWith("bert.") ? e.getKey().substring(5) : e.getKey();
            if (k.startsWith("pooler.") || k.startsWith("cls.") || k.equals("embeddings.position_ids")
                    || k.equals("embeddings.token_type_ids")) {
                continue;
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), config.hiddenSize()),
                new Shape(s.get(0), config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        embeddings.initialize(m, t, in[0]);
        Shape x = new Shape(in[0].get(0), in[0].get(1), config.hiddenSize());
        encoder.initialize(m, t, x, in[1]);
    }

    /** {@code encoder}: the stack {@code layer.0 .. layer.(L-1)}. Inputs [x (B, T, D), mask (B, T) bool]. */
    static final class Encoder extends AbstractBlock {
        private final SequentialBlock layer;

        Encoder(BertConfig config) {
            SequentialBlock stack = new SequentialBlock();
            for (int i = 0; i < config.numLayers(); i++) {
                stack.add(new BertLayer(config));
            }
            layer = addChildBlock("layer", stack);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray x = inputs.get(0);                                                 // (B, T, D)
            NDArray mask = inputs.get(1);                                              // (B, T)
            for (Block l : layer.getChildren().values()) {
                x = l.forward(ps, new NDList(x, mask), training).head();               // (B, T, D)
            }
            return new NDList(x);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return new Shape[] {in[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
            for (Block l : layer.getChildren().values()) {
                l.initialize(m, t, in);
            }
        }
    }
}
