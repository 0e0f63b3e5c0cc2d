package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The kit's weights start as PyTorch's and BERT's do, not with DJL's He normal (see {@link Init}). */
class InitTest {

    private static double std(NDArray a) {
        float[] v = a.toFloatArray();
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += x * x;
        }
        double mean = s / v.length;
        return Math.sqrt(s2 / v.length - mean * mean);
    }

    private static double maxAbs(NDArray a) {
        double m = 0;
        for (float x : a.toFloatArray()) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

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
