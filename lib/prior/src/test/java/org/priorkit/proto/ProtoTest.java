package org.priorkit.proto;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.Golden;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The proto package against src/test/python/proto_bank.py, plus behaviour on tiny shapes. */
class ProtoTest {

    static SentencePrototypeBank bank(NDManager m, Map<String, NDArray> g, SentencePrototypeBank.EvalAssignment eval) {
        SentencePrototypeBank bank = SentencePrototypeBank.builder().setPrototypes(6).setEmbedding(8)
                .optEvalAssignment(eval).optNoise((mm, s, t) -> {
                    throw new AssertionError("noise must come from the input here");
                }).build();
        bank.initialize(m, DataType.FLOAT32, g.get("sentences").getShape(), g.get("mask").getShape());
        StateDict.load(bank, Map.of("codebook", g.get("bank.codebook")));
        return bank;
    }

    @Test
    void forwardMatchesPyTorchInAllModes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "proto_bank");
            ParameterStore ps = new ParameterStore(m, false);
            NDArray s = g.get("sentences");
            NDArray mask = g.get("mask");
            SentencePrototypeBank soft = bank(m, g, SentencePrototypeBank.EvalAssignment.SOFTMAX);
            NDList train = soft.forward(ps, new NDList(s, mask, g.get("noise")), true);
            Golden.assertClose(g.get("train.prototypes"), train.get(0), "gumbel prototypes");
            Golden.assertClose(g.get("train.assignment"), train.get(1), "gumbel assignment");
            assertArrayEquals(g.get("train.index").toLongArray(), train.get(2).toLongArray(), "index, -1 for padding");
            NDList eval = soft.forward(ps, new NDList(s, mask), false);
            Golden.assertClose(g.get("softmax.prototypes"), eval.get(0), "eval softmax prototypes");
            Golden.assertClose(g.get("softmax.assignment"), eval.get(1), "eval softmax assignment");
            SentencePrototypeBank hard = bank(m, g, SentencePrototypeBank.EvalAssignment.ARGMAX);
            NDList argmax = hard.forward(ps, new NDList(s, mask), false);
            Golden.assertClose(g.get("argmax.prototypes"), argmax.get(0), "eval argmax prototypes");
            assertArrayEquals(g.get("argmax.index").toLongArray(), argmax.get(2).toLongArray());
        }
    }

    @Test
    void l1LossAndGradientsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "proto_bank");
            SentencePrototypeBank bank = bank(m, g, SentencePrototypeBank.EvalAssignment.SOFTMAX);
            NDArray s = g.get("sentences");
            s.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray proto = bank.forward(new ParameterStore(m, false),
                        new NDList(s, g.get("mask"), g.get("noise")), true).get(0);
                NDArray loss = new PrototypeL1Loss().compute(proto, s, g.get("mask"));
                Golden.assertClose(g.get("loss_l1"), loss, "prototype L1");
                c.backward(loss);
            }
            Golden.assertClose(g.get("grad_l1.sentences"), s.getGradient(), "d L1 / d sentences");
            Golden.assertClose(g.get("grad_l1.codebook"),
                    bank.getDirectParameters().get("codebook").getArray().getGradient(), "d L1 / d codebook");
        }
    }

    @Test
    void klLossAndGradientsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "proto_bank");
            SentencePrototypeBank bank = bank(m, g, SentencePrototypeBank.EvalAssignment.SOFTMAX);
            NDArray s = g.get("sentences");
            NDArray decoded = g.get("decoded");
            s.setRequiresGradient(true);
            decoded.setRequiresGradient(true);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new PrototypeKLLoss().compute(bank.logits(ps, decoded, true), bank.logits(ps, s, true),
                        g.get("mask"));
                Golden.assertClose(g.get("loss_kl"), loss, "prototype KL");
                c.backward(loss);
            }
            Golden.assertClose(g.get("grad_kl.decoded"), decoded.getGradient(), "d KL / d decoded");
            Golden.assertClose(g.get("grad_kl.sentences"), s.getGradient(), "d KL / d true sentences (detached: 0)");
            Golden.assertClose(g.get("grad_kl.codebook"),
                    bank.getDirectParameters().get("codebook").getArray().getGradient(), "d KL / d codebook");
        }
    }

    @Test
    void evaluationIsDeterministicAndTrainingNoiseIsInjectable() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            SentencePrototypeBank bank = SentencePrototypeBank.builder().setPrototypes(5).setEmbedding(4).build();
            NDArray s = m.randomNormal(new Shape(2, 3, 4));
            NDArray mask = m.create(new boolean[] {true, true, true, true, false, false}, new Shape(2, 3));
            bank.initialize(m, DataType.FLOAT32, s.getShape(), mask.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            NDArray e1 = bank.forward(ps, new NDList(s, mask), false).get(0);
            NDArray e2 = bank.forward(ps, new NDList(s, mask), false).get(0);
            assertEquals(e1, e2, "no noise at evaluation");
            NDArray t1 = bank.forward(ps, new NDList(s, mask), true).get(0);
            NDArray t2 = bank.forward(ps, new NDList(s, mask), true).get(0);
            assertNotEquals(t1, t2, "standard Gumbel noise in training");
            SentencePrototypeBank quiet = SentencePrototypeBank.builder().setPrototypes(5).setEmbedding(4)
                    .optNoise(GumbelNoise.none()).build();
            quiet.initialize(m, DataType.FLOAT32, s.getShape(), mask.getShape());
            StateDict.copyInto(quiet.getDirectParameters().get("codebook").getArray(),
                    bank.getDirectParameters().get("codebook").getArray());
            Golden.assertClose(e1, quiet.forward(ps, new NDList(s, mask), true).get(0), "zero noise = eval softmax");
            assertEquals(0f, t1.get("1, 1:").abs().sum().getFloat(), "padded prototypes are zero");
        }
    }

    @Test
    void usageCountsIgnorePadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray index = m.create(new long[] {2, 0, 2, -1, 4, -1}, new Shape(2, 3));
            assertArrayEquals(new long[] {1, 0, 2, 0, 1}, SentencePrototypeBank.usageCounts(index, 5).toLongArray());
        }
    }

    @Test
    void standardNoiseLooksGumbel() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            NDArray g = GumbelNoise.standard().sample(m, new Shape(20000), DataType.FLOAT32);
            assertEquals(0.5772, g.mean().getFloat(), 0.03, "mean = Euler-Mascheroni constant");
            assertEquals(Math.PI * Math.PI / 6, g.sub(g.mean()).pow(2).mean().getFloat(), 0.08, "variance pi^2/6");
        }
    }
}
