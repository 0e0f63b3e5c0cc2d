package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class MultiHeadAttentionTest {

    /** The tensors of a golden file that are parameters (their names are dotted). */
    static Map<String, NDArray> params(Map<String, NDArray> golden) {
        return golden.entrySet().stream().filter(e -> e.getKey().contains("."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static MultiHeadAttention loaded(NDManager m, Map<String, NDArray> g, boolean weights) {
        MultiHeadAttention mha = MultiHeadAttention.builder().setEmbedDim(8).setNumHeads(2)
                .optReturnWeights(weights).build();
        mha.initialize(m, DataType.FLOAT32, g.get("query").getShape(), g.get("key").getShape(),
                g.get("value").getShape(), g.get("key_mask").getShape());
        StateDict.load(mha, params(g));
        return mha;
    }

    @Test
    void namesAndShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            MultiHeadAttention mha = MultiHeadAttention.builder().setEmbedDim(8).setNumHeads(4)
                    .optReturnWeights(true).build();
            // keys and values narrower than D: the projections infer their input widths
            mha.initialize(m, DataType.FLOAT32, new Shape(2, 3, 8), new Shape(2, 5, 6), new Shape(2, 5, 4));
            assertEquals(List.of("q_proj.weight", "q_proj.bias", "k_proj.weight", "k_proj.bias", "v_proj.weight",
                    "v_proj.bias", "out_proj.weight", "out_proj.bias"), List.copyOf(StateDict.named(mha).keySet()));
            assertEquals(new Shape(8, 6), StateDict.named(mha).get("k_proj.weight").getArray().getShape());
            NDList out = mha.forward(new ParameterStore(m, false), m.randomNormal(new Shape(2, 3, 8)),
                    m.randomNormal(new Shape(2, 5, 6)), m.randomNormal(new Shape(2, 5, 4)), null, false);
            assertEquals(new Shape(2, 3, 8), out.get(0).getShape());
            assertEquals(new Shape(2, 4, 3, 5), out.get(1).getShape());
            Golden.assertClose(m.ones(new Shape(2, 4, 3)), out.get(1).sum(new int[] {3}), "weights sum to 1");
        }
    }

    @Test
    void selfAttentionWithOneArrayKeepsTheCallersArray() {
        try (NDManager m = NDManager.newBaseManager()) {
            MultiHeadAttention mha = MultiHeadAttention.builder().setEmbedDim(8).setNumHeads(2).build();
            Shape s = new Shape(2, 4, 8);
            mha.initialize(m, DataType.FLOAT32, s, s, s);
            NDArray x = m.randomNormal(s);
            NDArray y = mha.forward(new ParameterStore(m, false), x, x, x, null, false).singletonOrThrow();
            assertEquals(s, y.getShape());
            assertSame(m, x.getManager(), "input returned to its manager");
            assertEquals(s, x.add(1).getShape(), "input still usable");
        }
    }

    @Test
    void builderRejectsIndivisibleHeads() {
        assertThrows(IllegalArgumentException.class,
                () -> MultiHeadAttention.builder().setEmbedDim(10).setNumHeads(3).build());
    }

    @Test
    void matchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "multi_head_attention");
            MultiHeadAttention mha = loaded(m, g, true);
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = mha.forward(ps, g.get("query"), g.get("key"), g.get("value"), g.get("key_mask"), false);
            Golden.assertClose(g.get("output"), out.get(0), "attention output");
            Golden.assertClose(g.get("weights"), out.get(1), "attention weights");
            NDList noMask = mha.forward(ps, g.get("query"), g.get("key"), g.get("value"), null, false);
            Golden.assertClose(g.get("output_nomask"), noMask.get(0), "attention output without mask");
        }
    }

    @Test
    void paddedKeysDoNotLeak() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "multi_head_attention");
            MultiHeadAttention mha = loaded(m, g, true);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray key = g.get("key").duplicate();
            NDArray value = g.get("value").duplicate();
            // sample 1 has real keys 0..2 only: scribble over its padded keys and values
            key.set(new NDIndex("1, 3:"), 1e3f);
            value.set(new NDIndex("1, 3:"), -1e3f);
            NDList out = mha.forward(ps, g.get("query"), key, value, g.get("key_mask"), false);
            Golden.assertClose(g.get("output"), out.get(0), "output with scribbled padding");
            assertEquals(0f, out.get(1).get("1, :, :, 3:").abs().sum().getFloat(), "weight on padding");
        }
    }

    @Test
    void allPaddingGivesZeroWeightsNotNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "multi_head_attention");
            MultiHeadAttention mha = loaded(m, g, true);
            NDArray none = m.zeros(new Shape(2, 5), DataType.BOOLEAN);
            NDList out = mha.forward(new ParameterStore(m, false), g.get("query"), g.get("key"), g.get("value"),
                    none, false);
            assertEquals(0f, out.get(1).abs().sum().getFloat());
            NDArray bias = g.get("out_proj.bias").broadcast(2, 3, 8);
            Golden.assertClose(bias, out.get(0), "output of fully masked queries");
        }
    }

    @Test
    void gradientsFlowToQueryAndKeys() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "multi_head_attention");
            MultiHeadAttention mha = loaded(m, g, false);
            NDArray q = g.get("query");
            NDArray k = g.get("key");
            q.setRequiresGradient(true);
            k.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray y = mha.forward(new ParameterStore(m, true), q, k, g.get("value"), g.get("key_mask"), true)
                        .singletonOrThrow();
                c.backward(y.sum());
            }
            assertTrue(q.getGradient().abs().sum().getFloat() > 0);
            // padded keys get no gradient
            assertEquals(0f, k.getGradient().get("1, 3:").abs().sum().getFloat());
            assertTrue(k.getGradient().get("1, :3").abs().sum().getFloat() > 0);
        }
    }
}
