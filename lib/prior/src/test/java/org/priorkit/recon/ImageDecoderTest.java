package org.priorkit.recon;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.Golden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** ImageDecoder and ImageReconstructionLoss against src/test/python/image_decoder.py, and their shapes. */
class ImageDecoderTest {

    static Map<String, NDArray> withPrefix(Map<String, NDArray> golden, String prefix) {
        Map<String, NDArray> out = new HashMap<>();
        golden.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    @Test
    void forwardLossAndGradientsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "image_decoder");
            ImageDecoder dec = ImageDecoder.builder().setImageChannels(8).setContextChannels(8).setStride(4)
                    .optDropout(0f).optMinChannels(1).build();
            NDArray tokens = g.get("tokens");
            NDArray context = g.get("context");
            dec.initialize(m, DataType.FLOAT32, tokens.getShape(), context.getShape());
            assertEquals(List.of(16, 8, 4), dec.getChannelPlan());
            StateDict.load(dec, withPrefix(g, "dec."));
            ParameterStore ps = new ParameterStore(m, false);
            Golden.assertClose(g.get("out_eval"), dec.forward(ps, new NDList(tokens, context), false).head(), "eval output");
            Golden.assertClose(g.get("resized"), ImageReconstructionLoss.resize(g.get("image"), 8, 8), "bilinear resize");
            tokens.setRequiresGradient(true);
            context.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray out = dec.forward(ps, new NDList(tokens, context), true).head();
                Golden.assertClose(g.get("out_train"), out, "train output (batch statistics)");
                NDArray loss = new ImageReconstructionLoss().compute(out, g.get("image"));
                Golden.assertClose(g.get("loss"), loss, "reconstruction L1");
                c.backward(loss);
            }
            Golden.assertClose(g.get("grad.tokens"), tokens.getGradient(), "d loss / d tokens");
            Golden.assertClose(g.get("grad.context"), context.getGradient(), "d loss / d context");
            Map<String, ai.djl.nn.Parameter> p = StateDict.named(dec);
            for (String name : List.of("blocks.0.conv1.weight", "blocks.1.bn2.weight", "head.weight")) {
                Golden.assertClose(g.get("grad." + name), p.get(name).getArray().getGradient(), "d loss / d " + name);
            }
        }
    }

    @Test
    void sizesDeriveFromTheEncoder() {
        assertEquals(List.of(2816, 1408, 704, 352, 176, 88), ImageDecoder.channelPlan(2048 + 768, 5, 8),
                "ResNet-50, D = 768, stride 32: five blocks");
        try (NDManager m = NDManager.newBaseManager()) {
            ImageDecoder dec = ImageDecoder.builder().setImageChannels(6).setContextChannels(4).setStride(8).build();
            Shape tokens = new Shape(2, 9, 6);
            dec.initialize(m, DataType.FLOAT32, tokens, new Shape(2, 9, 4));
            NDArray out = dec.forward(new ParameterStore(m, false),
                    new NDList(m.randomNormal(tokens), m.randomNormal(new Shape(2, 9, 4))), false).head();
            assertEquals(new Shape(2, 1, 24, 24), out.getShape(), "3 x 3 grid, stride 8");
            assertThrows(IllegalArgumentException.class, () -> ImageDecoder.builder().setImageChannels(6)
                    .setContextChannels(4).setStride(24).build());
        }
    }

    @Test
    void channelDropoutDropsWholeChannelsInTrainingOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            NDArray x = m.ones(new Shape(4, 64, 3, 3));
            NDArray y = ImageDecoder.channelDropout(x, 0.5f, true);
            float[] v = y.toFloatArray();
            int dropped = 0;
            for (int ch = 0; ch < 4 * 64; ch++) {
                float first = v[ch * 9];
                assertTrue(first == 0f || first == 2f, "kept channels are scaled by 1 / (1 - p)");
                for (int k = 1; k < 9; k++) {
                    assertEquals(first, v[ch * 9 + k], "a channel is dropped or kept as a whole");
                }
                dropped += first == 0f ? 1 : 0;
            }
            assertTrue(dropped > 80 && dropped < 176, "about half of 256 channels dropped: " + dropped);
            assertSame(x, ImageDecoder.channelDropout(x, 0.5f, false), "identity at evaluation");
        }
    }

    @Test
    void tokensAreReadAsFlattenTranspose() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray map = m.arange(0f, 24f).reshape(1, 2, 3, 4); // (B, C, h, w) -- not square: pass maps
            NDArray square = m.arange(0f, 18f).reshape(1, 2, 3, 3); // (B, C, 3, 3)
            NDArray tokens = square.flatten(2, 3).transpose(0, 2, 1); // (B, 9, C)
            assertEquals(square, ImageDecoder.toMap(tokens));
            assertSame(map, ImageDecoder.toMap(map));
            assertThrows(IllegalArgumentException.class, () -> ImageDecoder.toMap(m.zeros(new Shape(1, 6, 2))));
        }
    }
}
