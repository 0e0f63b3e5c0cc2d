package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FeedForwardTest {

    @Test
    void djlGeluIsTheExactErfForm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new double[] {-3, -1, -0.5, 0, 0.5, 1, 2, 3});
            // 0.5 x (1 + erf(x / sqrt 2)), from Python's math.erf; the tanh approximation is off by 1.5e-4 at x = 1
            NDArray exact = m.create(new double[] {-0.004049694, -0.158655254, -0.154268769, 0,
                    0.345731231, 0.841344746, 1.954499736, 2.995950306});
            Golden.assertClose(exact, Activation.gelu(x), 1e-6, 0, "gelu");
        }
    }

    @Test
    void matchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "feed_forward");
            FeedForward ff = FeedForward.builder().setDim(8).setHiddenDim(32).build();
            ff.initialize(m, DataType.FLOAT32, g.get("input").getShape());
            assertEquals(List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"),
                    List.copyOf(StateDict.named(ff).keySet()));
            StateDict.load(ff, MultiHeadAttentionTest.params(g));
            NDArray y = ff.forward(new ParameterStore(m, false), new NDList(g.get("input")), false).singletonOrThrow();
            assertEquals(new Shape(2, 3, 8), y.getShape());
            Golden.assertClose(g.get("output"), y, "feed-forward output");
        }
    }
}
