package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.translate.Batchifier;
import org.junit.jupiter.api.Test;
import org.priorkit.config.LossTerm;
import org.priorkit.config.StageConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.train.AdamW;
import org.priorkit.train.SampleSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The multi-GPU path on a CPU: with {@code copyOnOwnDevice} every shard works on its own copies of the
 * weights, exactly as a second GPU would, so the split, the broadcast, the gradient sum and the gather
 * are all exercised here. Evaluation mode (BatchNorm running statistics, no dropout) makes one shard
 * and many shards compute the same function, so loss and gradients must match the single-device step.
 */
class DataParallelObjectiveTest {

    private static final StageConfig STAGE = new StageConfig("align", 1, 1e-3, 0, 0,
            Map.of("global", 1.0, "local_image", 1.0, "image_reconstruction", 1.0), false);

    @Test
    void broadcastCopiesSendTheirGradientsBackToTheParameter() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear linear = Linear.builder().setUnits(3).build();
            linear.initialize(m, DataType.FLOAT32, new Shape(4, 5));
            Map<String, Parameter> params = StateDict.named(linear);
            NDArray x = m.randomNormal(new Shape(4, 5));
            Map<String, float[]> direct = gradients(params, () -> linear.forward(new ParameterStore(m, false),
                    new NDList(x), true).head().square().sum());
            Map<String, float[]> viaCopies = gradients(params, () -> {
                NDArray a = linear.forward(new BroadcastParameterStore(m, true), new NDList(x.get("0:2")), true).head();
                NDArray b = linear.forward(new BroadcastParameterStore(m, true), new NDList(x.get("2:")), true).head();
                return a.square().sum().add(b.square().sum());
            });
            assertClose(direct, viaCopies);
        }
    }

    @Test
    void splitBatchGivesTheSingleDeviceLossAndGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            PriorModel model = PriorModel.create(PriorObjectiveTest.micro(), m);
            PriorObjective single = new PriorObjective(model);
            PretrainBatch batch = batch(m, 5);
            Map<String, Parameter> params = StateDict.named(model);
            Map<LossTerm, Float> expected = new LinkedHashMap<>();
            Map<String, float[]> expectedGrads = gradients(params, () -> total(single, m, batch, expected));
            for (int devices : new int[] {2, 3}) { // 5 pairs -> shards 3+2 and 2+2+1
                Map<LossTerm, Float> got = new LinkedHashMap<>();
                Objective<PretrainBatch> parallel = new DataParallelObjective(single, java.util.Collections.nCopies(devices, Device.cpu()), true);
                Map<String, float[]> grads = gradients(params, () -> total(parallel, m, batch, got));
                assertEquals(expected.keySet(), got.keySet());
                expected.forEach((k, v) -> assertEquals(v, got.get(k), 1e-5, k + " with " + devices + " shards"));
                assertClose(expectedGrads, grads);
            }
        }
    }

    @Test
    void theGlobalLossIsTakenOverTheGatheredBatchNotPerShard() {
        try (NDManager m = NDManager.newBaseManager()) {
            PriorModel model = PriorModel.create(PriorObjectiveTest.micro(), m);
            PriorObjective single = new PriorObjective(model);
            PretrainBatch batch = batch(m, 4);
            ParameterStore ps = new ParameterStore(m, false);
            float gathered = new DataParallelObjective(single, List.of(Device.cpu(), Device.cpu()), true)
                    .losses(ps, batch, STAGE, false).get(LossTerm.GLOBAL).getFloat();
            float perShard = 0;
            for (int from : new int[] {0, 2}) {
                PretrainBatch half = batch.slice(from, from + 2, Device.cpu(), m);
                perShard += 0.5f * single.losses(ps, half, STAGE, false).get(LossTerm.GLOBAL).getFloat();
            }
            assertEquals(single.losses(ps, batch, STAGE, false).get(LossTerm.GLOBAL).getFloat(), gathered, 1e-5);
            assertTrue(Math.abs(gathered - perShard) > 1e-3,
                    "4 negatives per pair vs 2: the losses should differ, got " + gathered + " and " + perShard);
        }
    }

    @Test
    void theBatchMustStartOnTheFirstDevice() {
        try (NDManager m = NDManager.newBaseManager()) {
            PriorObjective single = new PriorObjective(PriorModel.create(PriorObjectiveTest.micro(), m));
            Objective<PretrainBatch> parallel = new DataParallelObjective(single, List.of(Device.gpu(0), Device.gpu(1)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parallel.losses(new ParameterStore(m, false), batch(m, 2), STAGE, false));
            assertTrue(e.getMessage().contains("first data-parallel device"), e.getMessage());
        }
    }

    private static PretrainBatch batch(NDManager m, int n) {
        return PriorObjectiveTest.randomPairs(n).batchOf(m, java.util.stream.IntStream.range(0, n).toArray());
    }

    /** The weighted loss of the stage in evaluation mode; the terms' values go to {@code values}. */
    private static NDArray total(Objective<PretrainBatch> objective, NDManager m, PretrainBatch batch, Map<LossTerm, Float> values) {
        Map<LossTerm, NDArray> terms = objective.losses(new ParameterStore(m, false), batch, STAGE, false);
        NDArray total = null;
        for (Map.Entry<LossTerm, Double> w : STAGE.weights().entrySet()) {
            NDArray t = terms.get(w.getKey());
            values.put(w.getKey(), t.getFloat());
            total = total == null ? t : total.add(t);
        }
        return total;
    }

    private static Map<String, float[]> gradients(Map<String, Parameter> params, java.util.function.Supplier<NDArray> loss) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            AdamW.zeroGradients(params);
            collector.backward(loss.get());
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            if (p.requiresGradient()) {
                try (NDArray g = p.getArray().getGradient()) {
                    out.put(name, g.toFloatArray());
                }
            }
        });
        return out;
    }

    private static void assertClose(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        int nonZero = 0;
        for (String k : expected.keySet()) {
            float[] e = expected.get(k);
            float[] a = actual.get(k);
            double largest = 0;
            for (float v : e) {
                largest = Math.max(largest, Math.abs(v));
            }
            // float32 sums in another order (per shard, then over shards): relative to the tensor's scale
            double tolerance = 1e-6 + 2e-4 * largest;
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], tolerance, k + "[" + i + "]");
                nonZero += e[i] != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > 0, "no gradient reached any parameter");
    }
}
