package org.priorkit.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.DeterministicWeights;
import org.priorkit.testing.Golden;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ImageEncoderTest {

    private static ImageEncoder resnet18Encoder(NDManager m, Shape image) {
        ImageEncoder enc = ImageEncoder.builder().setBackbone(ResNet.builder().setDepth(18).build())
                .setOutputDim(16).build();
        enc.initialize(m, DataType.FLOAT32, image);
        return enc;
    }

    @Test
    void tokenIIsCellIDivWIModW() {
        try (NDManager m = NDManager.newBaseManager()) {
            // a map whose every value encodes (channel, row, col): 3 channels, 2 x 5 cells
            long c = 3, h = 2, w = 5;
            NDArray map = m.arange(0f, c * h * w).reshape(1, c, h, w);
            NDArray tokens = ImageEncoder.toTokens(map);                                 // (1, 10, 3)
            assertEquals(new Shape(1, h * w, c), tokens.getShape());
            for (int i = 0; i < h * w; i++) {
                assertEquals(map.get(":, :, " + (i / w) + ", " + (i % w)), tokens.get(":, " + i + ", :"),
                        "token " + i);
            }
            // the official view(B, -1, C) would put map values 0, 1, 2 (row 0 of channel 0) into token 0
            assertNotEquals(m.create(new float[] {0, 1, 2}).reshape(1, 3), tokens.get(":, 0, :"));
            assertEquals(map, ImageEncoder.toMap(tokens, h, w));
        }
    }

    @Test
    void shapesForResNet18() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape image = new Shape(2, 1, 64, 96);
            ImageEncoder enc = resnet18Encoder(m, image);
            NDList out = enc.forward(new ParameterStore(m, false), new NDList(m.randomNormal(image)), false);
            assertArrayEquals(new Shape[] {new Shape(2, 16), new Shape(2, 6, 512), new Shape(2, 512, 2, 3)},
                    out.getShapes());
            assertArrayEquals(enc.getOutputShapes(new Shape[] {image}), out.getShapes());
        }
    }

    @Test
    void matchesTorchvisionPlusClipPool() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "image_encoder");
            ImageEncoder enc = resnet18Encoder(m, g.get("input").getShape());
            // backbone.* carries torchvision names, attnpool.* CLIP's, loaded strictly
            StateDict.load(enc, DeterministicWeights.load(m, "image_encoder"));
            NDList out = enc.forward(new ParameterStore(m, false), new NDList(g.get("input")), false);
            Golden.assertClose(g.get("global_feature"), out.get(0), "global feature");
            Golden.assertClose(g.get("tokens"), out.get(1), "local tokens");
        }
    }

    @Test
    void trainsEndToEnd() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape image = new Shape(2, 1, 64, 64);
            ImageEncoder enc = resnet18Encoder(m, image);
            NDArray x = m.randomNormal(image);
            ai.djl.nn.Parameter conv1 = StateDict.named(enc).get("backbone.conv1.weight");
            NDArray runningMean = StateDict.named(enc).get("backbone.bn1.running_mean").getArray();
            NDArray before = runningMean.duplicate();
            try (ai.djl.training.GradientCollector c = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDList out = enc.forward(new ParameterStore(m, true), new NDList(x), true);
                c.backward(out.get(0).square().sum().add(out.get(1).mean()));
            }
            assertTrue(conv1.getArray().getGradient().abs().sum().getFloat() > 0, "gradient reaches conv1");
            assertNotEquals(before, runningMean, "training mode updates BatchNorm running statistics");
        }
    }
}
