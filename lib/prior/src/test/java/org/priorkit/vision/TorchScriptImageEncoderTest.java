package org.priorkit.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.Golden;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The TorchScript file and its expected outputs come from src/test/python/torchscript_encoders.py. */
class TorchScriptImageEncoderTest {

    static Path resource(String name) {
        try {
            return Path.of(TorchScriptImageEncoderTest.class.getResource("/torchscript/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void matchesPyTorchOnTwoSizes() {
        try (NDManager m = NDManager.newBaseManager();
             TorchScriptImageEncoder enc = TorchScriptImageEncoder.load(resource("tiny_image.pt"))) {
            Map<String, NDArray> g = Golden.load(m, "torchscript_encoders");
            ParameterStore ps = new ParameterStore(m, false);
            NDArray map = enc.forward(ps, new NDList(g.get("image")), false).singletonOrThrow();
            Golden.assertClose(g.get("feature_map"), map, "feature map (eval mode: BN running stats)");
            NDArray map2 = enc.forward(ps, new NDList(g.get("image2")), false).singletonOrThrow();
            Golden.assertClose(g.get("feature_map2"), map2, "feature map at 24x24");
        }
    }

    @Test
    void replacesTheResNetInsideImageEncoder() {
        try (NDManager m = NDManager.newBaseManager();
             TorchScriptImageEncoder backbone = TorchScriptImageEncoder.load(resource("tiny_image.pt"))) {
            Map<String, NDArray> g = Golden.load(m, "torchscript_encoders");
            ImageEncoder enc = ImageEncoder.builder().setBackbone(backbone).optChannels(8).optNumHeads(2)
                    .setOutputDim(4).build();
            enc.initialize(m, DataType.FLOAT32, g.get("image").getShape());
            NDList out = enc.forward(new ParameterStore(m, false), new NDList(g.get("image")), false);
            assertArrayEquals(new Shape[] {new Shape(2, 4), new Shape(2, 20, 8), new Shape(2, 8, 4, 5)},
                    out.getShapes());
            Golden.assertClose(ImageEncoder.toTokens(g.get("feature_map")), out.get(1), "tokens of the scripted map");
            // the scripted weights are visible to DJL (so a Trainer can fine-tune them)
            assertTrue(StateDict.named(enc).keySet().stream().anyMatch(k -> k.endsWith("conv1.weight")),
                    StateDict.named(enc).keySet().toString());
        }
    }

    @Test
    void missingFileIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScriptImageEncoder.load(Path.of("no/such/encoder.pt")));
        assertTrue(e.getMessage().contains("no TorchScript file"), e.getMessage());
    }
}
