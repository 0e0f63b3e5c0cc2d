package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The TorchScript file and its expected outputs come from src/test/python/torchscript_encoders.py. */
class TorchScriptTextEncoderTest {

    private static Path resource(String name) {
        try {
            return Path.of(TorchScriptTextEncoderTest.class.getResource("/torchscript/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sameContractAsTextEncoder() {
        try (NDManager m = NDManager.newBaseManager();
             TorchScriptTextEncoder enc = TorchScriptTextEncoder.load(resource("tiny_text.pt"))) {
            Map<String, NDArray> g = Golden.load(m, "torchscript_encoders");
            ParameterStore ps = new ParameterStore(m, false);
            // int32 ids and a boolean mask, as the kit's tokenizer may produce: converted to int64 inside
            NDList out = enc.forward(ps, new NDList(g.get("input_ids").toType(DataType.INT32, false),
                    g.get("attention_mask").toType(DataType.BOOLEAN, false)), false);
            Golden.assertClose(g.get("hidden"), out.get(0), "hidden states (first element of the tuple)");
            Golden.assertClose(g.get("hidden").get(":, 0, :"), out.get(1), "[CLS] = token 0");
            assertArrayEquals(new Shape[] {new Shape(2, 6, 8), new Shape(2, 8)},
                    enc.getOutputShapes(new Shape[] {new Shape(2, 6), new Shape(2, 6)}));
        }
    }
}
