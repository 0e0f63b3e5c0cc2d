package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class StateDictTest {

    /** The DJL twin of the PyTorch module in src/test/python/state_dict_mlp.py. */
    static final class Tiny extends AbstractBlock {
        final Block fc1 = addChildBlock("fc1", Linear.builder().setUnits(4).build());
        final Block bn = addChildBlock("bn", BatchNorm.builder().optEpsilon(1e-5f).build());
        final Block head = addChildBlock("head", new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2).build()));
        final Block norm = addChildBlock("norm", LayerNorm.builder().axis(1).build());

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList x, boolean training, PairList<String, Object> params) {
            x = fc1.forward(ps, x, training);
            x = bn.forward(ps, x, training);
            x = head.forward(ps, x, training);
            return norm.forward(ps, x, training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return new Shape[] {new Shape(in[0].get(0), 2)};
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
            fc1.initialize(m, t, in);
            bn.initialize(m, t, fc1.getOutputShapes(in));
            head.initialize(m, t, fc1.getOutputShapes(in));
            norm.initialize(m, t, head.getOutputShapes(fc1.getOutputShapes(in)));
        }
    }

    @Test
    void namesFollowPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Tiny t = new Tiny();
            t.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            assertEquals(List.of("fc1.weight", "fc1.bias", "bn.weight", "bn.bias", "bn.running_mean",
                    "bn.running_var", "head.0.weight", "head.0.bias", "head.2.weight", "head.2.bias",
                    "norm.weight", "norm.bias"), List.copyOf(StateDict.named(t).keySet()));
        }
    }

    @Test
    void loadedWeightsReproducePyTorchOutput() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "state_dict_mlp");
            Tiny t = new Tiny();
            t.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            Map<String, NDArray> weights = new HashMap<>(g);
            NDArray input = weights.remove("input");
            NDArray expected = weights.remove("output");
            StateDict.load(t, weights);
            NDArray y = t.forward(new ParameterStore(m, false), new NDList(input), false).singletonOrThrow();
            Golden.assertClose(expected, y, "Tiny(x)");
        }
    }

    @Test
    void mismatchesAreNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = new HashMap<>(Golden.load(m, "state_dict_mlp"));
            Tiny t = new Tiny();
            t.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            g.remove("fc1.bias");
            g.put("head.2.weight", m.zeros(new Shape(3, 4)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateDict.load(t, g));
            assertTrue(e.getMessage().contains("missing fc1.bias"), e.getMessage());
            assertTrue(e.getMessage().contains("head.2.weight: shape (3, 4) != (2, 4)"), e.getMessage());
            assertTrue(e.getMessage().contains("unexpected input"), e.getMessage());
        }
    }
}
