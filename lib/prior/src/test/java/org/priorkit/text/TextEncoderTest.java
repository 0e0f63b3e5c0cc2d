package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.Golden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class TextEncoderTest {

    static final BertConfig TINY = new BertConfig(50, 16, 2, 4, 32, 20, 2, 1e-12f, 0.1f, 0.1f);

    static Map<String, NDArray> params(Map<String, NDArray> golden) {
        return golden.entrySet().stream().filter(e -> e.getKey().contains("."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static TextEncoder loaded(NDManager m, Map<String, NDArray> g) {
        TextEncoder enc = new TextEncoder(TINY);
        enc.initialize(m, DataType.FLOAT32, g.get("input_ids").getShape(), g.get("attention_mask").getShape());
        StateDict.load(enc, params(g));
        return enc;
    }

    @Test
    void namesMirrorHuggingFaceBertModel() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = new TextEncoder(TINY);
            enc.initialize(m, DataType.FLOAT32, new Shape(2, 5), new Shape(2, 5));
            List<String> names = List.copyOf(StateDict.named(enc).keySet());
            assertEquals(List.of("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                    "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight",
                    "embeddings.LayerNorm.bias", "encoder.layer.0.attention.self.query.weight",
                    "encoder.layer.0.attention.self.query.bias", "encoder.layer.0.attention.self.key.weight",
                    "encoder.layer.0.attention.self.key.bias", "encoder.layer.0.attention.self.value.weight",
                    "encoder.layer.0.attention.self.value.bias", "encoder.layer.0.attention.output.dense.weight",
                    "encoder.layer.0.attention.output.dense.bias", "encoder.layer.0.attention.output.LayerNorm.weight",
                    "encoder.layer.0.attention.output.LayerNorm.bias", "encoder.layer.0.intermediate.dense.weight",
                    "encoder.layer.0.intermediate.dense.bias", "encoder.layer.0.output.dense.weight",
                    "encoder.layer.0.output.dense.bias", "encoder.layer.0.output.LayerNorm.weight",
                    "encoder.layer.0.output.LayerNorm.bias"), names.subList(0, 21));
            assertEquals(5 + 16 * 2, names.size());
        }
    }

    @Test
    void matchesPyTorchBert() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "bert");
            TextEncoder enc = loaded(m, g);
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = enc.forward(ps, g.get("input_ids"), g.get("attention_mask"), g.get("token_type_ids"), false);
            Golden.assertClose(g.get("hidden"), out.get(0), "last hidden states");
            Golden.assertClose(g.get("cls"), out.get(1), "[CLS] = token 0");
            NDList noTypes = enc.forward(ps, g.get("input_ids"), g.get("attention_mask"), null, false);
            Golden.assertClose(g.get("hidden_no_types"), noTypes.get(0), "token types default to 0");
        }
    }

    @Test
    void paddingDoesNotChangeRealTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "bert");
            TextEncoder enc = loaded(m, g);
            NDArray ids = g.get("input_ids").duplicate();
            ids.set(new ai.djl.ndarray.index.NDIndex("2, 3:"), 7); // sample 2 has 3 real tokens
            NDArray mask = g.get("attention_mask").toType(DataType.BOOLEAN, false);
            NDArray hidden = enc.forward(new ParameterStore(m, false), ids, mask, g.get("token_type_ids"), false).get(0);
            Golden.assertClose(g.get("hidden").get("2, :3"), hidden.get("2, :3"), "real tokens with other padding ids");
        }
    }

    @Test
    void huggingFaceExtrasAreDropped() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "bert");
            Map<String, NDArray> hf = new HashMap<>();
            params(g).forEach((k, v) -> hf.put("bert." + k, v));
            hf.put("bert.pooler.dense.weight", m.zeros(new Shape(16, 16)));
            hf.put("bert.embeddings.position_ids", m.arange(20).reshape(1, 20));
            hf.put("cls.predictions.bias", m.zeros(new Shape(50)));
            TextEncoder enc = new TextEncoder(TINY);
            enc.initialize(m, DataType.FLOAT32, new Shape(3, 7), new Shape(3, 7));
            assertThrows(IllegalArgumentException.class, () -> StateDict.load(enc, hf));
            StateDict.load(enc, TextEncoder.huggingFaceStateDict(hf));
        }
    }

    @Test
    void trainsWithDropoutAndPaddingGetsNoGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "bert");
            TextEncoder enc = loaded(m, g);
            ai.djl.nn.Parameter words = StateDict.named(enc).get("embeddings.word_embeddings.weight");
            NDArray mask = g.get("attention_mask");
            try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDList out = enc.forward(new ParameterStore(m, true), g.get("input_ids"), mask, null, true);
                // a loss on real tokens only
                NDArray real = mask.toType(DataType.FLOAT32, false).expandDims(2);
                c.backward(out.get(0).mul(real).square().sum());
            }
            NDArray grad = words.getArray().getGradient();                       // (V, D)
            assertTrue(grad.get("2").abs().sum().getFloat() > 0, "[CLS] id 2 gets a gradient");
            assertEquals(0f, grad.get("0").abs().sum().getFloat(), "[PAD] id 0 only sits at padded positions");
        }
    }
}
