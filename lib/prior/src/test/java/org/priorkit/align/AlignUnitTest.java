package org.priorkit.align;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import static org.junit.jupiter.api.Assertions.*;

/** Behaviour on tiny shapes: padding never leaks, edge cases, the temperature cap. */
class AlignUnitTest {

    @Test
    void paddedSentencesChangeNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            LocalAlignment align = LocalAlignment.builder().setEmbedding(6).build();
            NDArray image = m.randomNormal(new Shape(2, 5, 6));
            NDArray sentences = m.randomNormal(new Shape(2, 3, 6));
            NDArray mask = m.create(new boolean[] {true, true, false, true, false, false}, new Shape(2, 3));
            align.initialize(m, DataType.FLOAT32, image.getShape(), sentences.getShape(), mask.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            NDList a = align.forward(ps, new NDList(image, sentences, mask), false);
            NDArray garbage = sentences.duplicate();
            garbage.set(new NDIndex("0, 2"), 100f);
            garbage.set(new NDIndex("1, 1:"), -50f);
            NDList b = align.forward(ps, new NDList(image, garbage, mask), false);
            Golden.assertClose(a.get(0), b.get(0), "text-aware tokens ignore padded sentences");
            // the scoped forward freed its temporaries but not its inputs
            assertFalse(image.isReleased() || sentences.isReleased() || mask.isReleased());
            Golden.assertClose(a.get(1), b.get(1), "image-aware sentences ignore padding");
            assertEquals(0f, b.get(1).get("1, 1:").abs().sum().getFloat(), "padded image-aware rows are zero");
            assertEquals(0f, b.get(2).get("0, 2").abs().sum().getFloat(), "padded attention rows are zero");
            NDArray scale = m.create(10f);
            LocalTextLoss loss = new LocalTextLoss();
            Golden.assertClose(loss.compute(sentences, a.get(1), mask, scale), loss.compute(garbage, b.get(1), mask, scale),
                    "local text loss ignores padding");
        }
    }

    @Test
    void singleSentenceReportsAreLeftOutAndGiveNoNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray sentences = m.randomNormal(new Shape(2, 3, 4));
            NDArray aware = m.randomNormal(new Shape(2, 3, 4));
            NDArray scale = m.create(100f);
            NDArray oneEach = m.create(new boolean[] {true, false, false, true, false, false}, new Shape(2, 3));
            sentences.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new LocalTextLoss().compute(sentences, aware, oneEach, scale);
                assertEquals(0f, loss.getFloat(), 0f, "no report has a negative");
                c.backward(loss);
            }
            assertFalse(Float.isNaN(sentences.getGradient().sum().getFloat()));
            // report 0 has two sentences, report 1 only one: the mean is over report 0's two sentences
            NDArray mixed = m.create(new boolean[] {true, true, false, true, false, false}, new Shape(2, 3));
            NDArray onlyFirst = m.create(new boolean[] {true, true, false, false, false, false}, new Shape(2, 3));
            Golden.assertClose(new LocalTextLoss().compute(sentences, aware, onlyFirst, scale),
                    new LocalTextLoss().compute(sentences, aware, mixed, scale), "one-sentence report adds nothing");
        }
    }

    @Test
    void globalLossPrefersMatchedPairs() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 8));
            NDArray scale = m.create(10f);
            float matched = new GlobalAlignmentLoss().compute(x, x, scale).getFloat();
            float shuffled = new GlobalAlignmentLoss().compute(x, x.get(m.create(new long[] {1, 2, 3, 0})), scale).getFloat();
            assertTrue(matched < shuffled, matched + " < " + shuffled);
            assertTrue(matched > 0);
            assertEquals(DataType.FLOAT32, new GlobalAlignmentLoss().compute(x, x, scale).getDataType(),
                    "a float32 loss stays float32 (no silent promotion by Java doubles)");
        }
    }

    @Test
    void temperatureInitAndCap() {
        try (NDManager m = NDManager.newBaseManager()) {
            LearnableTemperature free = LearnableTemperature.builder().optInitialTemperature(0.07).build();
            free.initialize(m, DataType.FLOAT32);
            ParameterStore ps = new ParameterStore(m, false);
            assertEquals(1 / 0.07, free.scale(ps, Device.cpu(), false).getFloat(), 1e-4);
            LearnableTemperature capped = LearnableTemperature.builder().optInitialTemperature(0.001).optMaxScale(100).build();
            capped.initialize(m, DataType.FLOAT32);
            assertEquals(100, capped.scale(ps, Device.cpu(), false).getFloat(), 1e-3);
            assertThrows(IllegalArgumentException.class, () -> LearnableTemperature.builder().optInitialTemperature(0).build());
        }
    }
}
