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

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class AttentionPool2dTest {

    @Test
    void matchesClip() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "attention_pool2d");
            AttentionPool2d pool = AttentionPool2d.builder().setEmbedDim(16).setNumHeads(4).optOutputDim(8).build();
            pool.initialize(m, DataType.FLOAT32, g.get("input").getShape()); // 3x4 map: 13 positions
            assertEquals(Set.of("positional_embedding", "q_proj.weight", "q_proj.bias", "k_proj.weight",
                    "k_proj.bias", "v_proj.weight", "v_proj.bias", "c_proj.weight", "c_proj.bias"),
                    StateDict.named(pool).keySet());
            assertEquals(new Shape(13, 16), StateDict.named(pool).get("positional_embedding").getArray().getShape());
            StateDict.load(pool, g.entrySet().stream().filter(e -> !e.getKey().equals("input")
                    && !e.getKey().equals("output")).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            NDArray y = pool.forward(new ParameterStore(m, false), new NDList(g.get("input")), false).singletonOrThrow();
            Golden.assertClose(g.get("output"), y, "pooled feature");
        }
    }

    @Test
    void anotherMapSizeIsRejectedClearly() {
        try (NDManager m = NDManager.newBaseManager()) {
            AttentionPool2d pool = AttentionPool2d.builder().setEmbedDim(16).setNumHeads(4).build();
            pool.initialize(m, DataType.FLOAT32, new Shape(2, 16, 3, 4));
            NDArray other = m.randomNormal(new Shape(2, 16, 4, 4));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pool.forward(new ParameterStore(m, false), new NDList(other), false));
            assertTrue(e.getMessage().contains("initialised for 12 cells"), e.getMessage());
        }
    }
}
