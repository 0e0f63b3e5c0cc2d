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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ResNetTest {

    @Test
    void resnet18StagesHaveTorchvisionShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet net = ResNet.builder().setDepth(18).build();
            Shape in = new Shape(2, 1, 64, 64);
            net.initialize(m, DataType.FLOAT32, in);
            NDList maps = net.features(new ParameterStore(m, false), m.randomNormal(in), false);
            assertEquals(List.of(new Shape(2, 64, 16, 16), new Shape(2, 128, 8, 8), new Shape(2, 256, 4, 4),
                    new Shape(2, 512, 2, 2)), List.of(maps.getShapes()));
            assertArrayEquals(net.getOutputShapes(new Shape[] {in}), maps.getShapes());
            assertArrayEquals(new int[] {64, 128, 256, 512}, net.getStageChannels());
        }
    }

    @Test
    void resnet50HasBottleneckWidthsAndSizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet net = ResNet.builder().setDepth(50).build();
            Shape in = new Shape(1, 1, 64, 64);
            net.initialize(m, DataType.FLOAT32, in);
            assertArrayEquals(new Shape[] {new Shape(1, 256, 16, 16), new Shape(1, 512, 8, 8),
                    new Shape(1, 1024, 4, 4), new Shape(1, 2048, 2, 2)}, net.getOutputShapes(new Shape[] {in}));
            assertEquals(2048, net.getOutputChannels());
            // torchvision's ResNet-50 with a 1-channel conv1 and no fc: 23,501,760 parameters (counted in PyTorch) + BN buffers
            long weights = StateDict.named(net).entrySet().stream()
                    .filter(e -> !e.getKey().contains("running_"))
                    .mapToLong(e -> e.getValue().getArray().size()).sum();
            assertEquals(23_501_760L, weights);
        }
    }

    @Test
    void resnet34IsBasicBlocks3463() {
        ResNet net = ResNet.builder().setDepth(34).build();
        // children: conv1, bn1, layer1..layer4
        assertEquals(3, net.getChildren().valueAt(2).getChildren().size());
        assertEquals(4, net.getChildren().valueAt(3).getChildren().size());
        assertEquals(6, net.getChildren().valueAt(4).getChildren().size());
        assertEquals(3, net.getChildren().valueAt(5).getChildren().size());
        assertInstanceOf(BasicBlock.class, net.getChildren().valueAt(2).getChildren().valueAt(0));
        assertThrows(IllegalArgumentException.class, () -> ResNet.builder().setDepth(20).build());
    }

    @Test
    void resnet18MatchesTorchvision() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "resnet18");
            ResNet net = ResNet.builder().setDepth(18).build();
            net.initialize(m, DataType.FLOAT32, g.get("input").getShape());
            // torchvision's state_dict names and shapes, strictly (a renamed layer would fail here)
            StateDict.load(net, DeterministicWeights.load(m, "resnet18"));
            NDList maps = net.features(new ParameterStore(m, false), g.get("input"), false);
            Golden.assertClose(g.get("c2"), maps.get(0), "C2");
            Golden.assertClose(g.get("c3"), maps.get(1), "C3");
            Golden.assertClose(g.get("c4"), maps.get(2), "C4");
            Golden.assertClose(g.get("c5"), maps.get(3), "C5");
        }
    }

    @Test
    void resnet50MatchesTorchvision() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "resnet50");
            ResNet net = ResNet.builder().setDepth(50).build();
            net.initialize(m, DataType.FLOAT32, g.get("input").getShape());
            StateDict.load(net, DeterministicWeights.load(m, "resnet50"));
            NDList maps = net.features(new ParameterStore(m, false), g.get("input"), false);
            Golden.assertClose(g.get("c4"), maps.get(2), "C4");
            Golden.assertClose(g.get("c5"), maps.get(3), "C5");
        }
    }
}
