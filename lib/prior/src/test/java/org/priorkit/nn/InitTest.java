package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.priorkit.nn.WeightStats.maxAbs;
import static org.priorkit.nn.WeightStats.std;

/** The kit's weights start as PyTorch's and BERT's do, not with DJL's He normal (see {@link Init}). */
class InitTest {

    @Test
    void linearMatchesPyTorchsDefault() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear l = Init.linear(64);
            l.initialize(m, DataType.FLOAT32, new Shape(2, 256));
            NDArray w = l.getParameters().get("weight").getArray(); // (64, 256)
            double bound = 1 / Math.sqrt(256);
            assertTrue(maxAbs(w) <= bound, "U(-1/sqrt(fan_in), 1/sqrt(fan_in)) stays inside the bound");
            assertEquals(bound / Math.sqrt(3), std(w), 0.05 * bound, "std of that uniform");
            // DJL's own default would be He's normal, std sqrt(2 / 256) = 0.088: 3.5x wider
            Linear djl = Linear.builder().setUnits(64).build();
            djl.initialize(m, DataType.FLOAT32, new Shape(2, 256));
            assertTrue(std(djl.getParameters().get("weight").getArray()) > 2 * std(w));
        }
    }
}
