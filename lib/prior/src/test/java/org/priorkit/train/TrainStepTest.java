package org.priorkit.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TrainStepTest {

    private static Parameter param(NDManager m, String name, float... values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(values));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    @Test
    void aDivergedStepSaysWhetherTheParametersWereAlreadyBroken() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter fine = param(m, "head.weight", 1f, 2f);
            Parameter broken = param(m, "encoder.conv1.weight", 1f, Float.NaN, 3f);
            AdamW opt = new AdamW(m, 0);
            // A forward pass that overflows from finite weights: the message says so.
            TrainingDivergedException fromForward = assertThrows(TrainingDivergedException.class, () ->
                    TrainStep.run(List.of(new TrainStep.Group(Map.of("head.weight", fine), opt, 0.1)),
                            () -> fine.getArray().mul(1e38f).sum().mul(1e38f), "step 3 (test)"));
            assertTrue(fromForward.getMessage().contains("'loss' is Infinity at step 3 (test)")
                    && fromForward.getMessage().contains("every trained parameter was finite"), fromForward.getMessage());
            assertArrayEquals(new float[] {1f, 2f}, fine.getArray().toFloatArray(), "nothing is updated");
            // A parameter that was already NaN (e.g. corrupted) is named.
            TrainingDivergedException fromWeights = assertThrows(TrainingDivergedException.class, () ->
                    TrainStep.run(List.of(new TrainStep.Group(Map.of("head.weight", fine, "encoder.conv1.weight", broken),
                            opt, 0.1)), () -> broken.getArray().sum(), "step 4 (test)"));
            assertTrue(fromWeights.getMessage().contains("'loss' is NaN at step 4 (test)")
                    && fromWeights.getMessage().contains("parameters already not finite: encoder.conv1.weight"),
                    fromWeights.getMessage());
            assertEquals(List.of("encoder.conv1.weight"), TrainStep.nonFiniteParameters(
                    List.of(new TrainStep.Group(Map.of("a", fine, "encoder.conv1.weight", broken), opt, 0.1))));
        }
    }
}
