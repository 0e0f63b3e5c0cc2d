package org.priorkit.kernel.display;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the PyTorch engine (under a second once DJL has unpacked it into ~/.djl.ai). */
class NDArrayBundleTest {

    @Test
    void ndarrayIsTextWithShapeAndValues() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(6f).reshape(2, 3);
            Map<String, Object> bundle = MimeBundles.of(x);
            assertEquals(java.util.Set.of(MimeBundles.PLAIN), bundle.keySet());
            String text = (String) bundle.get(MimeBundles.PLAIN);
            assertTrue(text.contains("(2, 3)") && text.contains("float32") && text.contains("5."), text);
        }
    }
}
