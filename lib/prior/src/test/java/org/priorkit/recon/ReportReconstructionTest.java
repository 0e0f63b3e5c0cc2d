package org.priorkit.recon;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.proto.SentencePrototypeBank;
import org.priorkit.testing.Golden;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** PrototypeDecoder and ReportReconstructionLoss against src/test/python/report_recon.py. */
class ReportReconstructionTest {

    /** The golden script's pooling: mean of the real sentences. */
    static final BiFunction<NDArray, NDArray, NDArray> MASKED_MEAN = (s, mask) -> {
        NDArray real = mask.toType(s.getDataType(), false).expandDims(2); // (B, S, 1)
        return s.mul(real).sum(new int[] {1}).div(real.sum(new int[] {1}).maximum(1f)); // (B, D)
    };

    /** The three terms, in the objective's order; the pooling is the golden script's masked mean. */
    record Terms(NDArray l1, NDArray kl, NDArray globalPrediction) {}

    static Terms terms(Fixture f, ParameterStore ps, boolean training, NDArray decoded, NDArray protos,
                       NDArray sentences, NDArray report, NDArray mask, NDArray scale) {
        ReportReconstructionLoss.Matching match = ReportReconstructionLoss.match(decoded, protos, mask);
        NDArray l1 = ReportReconstructionLoss.l1(match.matched(), protos, mask);
        NDArray kl = ReportReconstructionLoss.kl(f.bank.logits(ps, match.matched(), training),
                f.bank.logits(ps, sentences, training), mask);
        NDArray snapped = f.bank.snap(ps, match.matched(), training); // (B, S, D)
        return new Terms(l1, kl, ReportReconstructionLoss.globalPrediction(MASKED_MEAN.apply(snapped, mask), report, scale));
    }

    record Fixture(Map<String, NDArray> g, PrototypeDecoder decoder, SentencePrototypeBank bank) {
        static Fixture load(NDManager m) {
            Map<String, NDArray> g = Golden.load(m, "report_recon");
            PrototypeDecoder decoder = PrototypeDecoder.builder().optQueries(4).setEmbedding(8).optLayers(2)
                    .optHeads(2).optHidden(16).optDropout(0f).build();
            decoder.initialize(m, DataType.FLOAT32, g.get("image").getShape());
            StateDict.load(decoder, ImageDecoderTest.withPrefix(g, "decoder."));
            SentencePrototypeBank bank = SentencePrototypeBank.builder().setPrototypes(5).setEmbedding(8).build();
            bank.initialize(m, DataType.FLOAT32, g.get("true_sentences").getShape(), g.get("mask").getShape());
            StateDict.load(bank, ImageDecoderTest.withPrefix(g, "bank."));
            return new Fixture(g, decoder, bank);
        }
    }

    @Test
    void decoderForwardMatchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            NDArray out = f.decoder.forward(new ParameterStore(m, false), new NDList(f.g.get("image")), false).head();
            Golden.assertClose(f.g.get("decoded"), out, "decoded sentences");
            assertTrue(StateDict.named(f.decoder).containsKey("layers.1.cross_attn.out_proj.weight"));
        }
    }

    @Test
    void eachTermAndItsGradientsMatchPyTorch() {
        for (var term : List.<Map.Entry<String, Function<Terms, NDArray>>>of(
                Map.entry("l1", Terms::l1),
                Map.entry("kl", Terms::kl),
                Map.entry("gp", Terms::globalPrediction))) {
            try (NDManager m = NDManager.newBaseManager()) {
                Fixture f = Fixture.load(m);
                Map<String, NDArray> g = f.g;
                NDArray image = g.get("image");
                NDArray sentences = g.get("true_sentences");
                NDArray report = g.get("true_report");
                NDArray scale = g.get("scale");
                for (NDArray x : List.of(image, sentences, report, scale)) {
                    x.setRequiresGradient(true);
                }
                ParameterStore ps = new ParameterStore(m, false);
                String t = term.getKey();
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray decoded = f.decoder.forward(ps, new NDList(image), true).head();
                    assertArrayEquals(g.get("index").toLongArray(), ReportReconstructionLoss.match(decoded,
                            g.get("true_prototypes"), g.get("mask")).query().toLongArray(),
                            "Hungarian matching = scipy linear_sum_assignment");
                    Terms terms = terms(f, ps, true, decoded, g.get("true_prototypes"),
                            sentences, report, g.get("mask"), scale);
                    NDArray loss = term.getValue().apply(terms);
                    Golden.assertClose(g.get("loss_" + t), loss, t);
                    c.backward(loss);
                }
                Golden.assertClose(g.get("grad_" + t + ".image"), image.getGradient(), t + ": d / d image");
                Golden.assertClose(g.get("grad_" + t + ".true_sentences"), sentences.getGradient(),
                        t + ": d / d true sentences (targets are detached)");
                Golden.assertClose(g.get("grad_" + t + ".true_report"), report.getGradient(), t + ": d / d true report");
                Golden.assertClose(g.get("grad_" + t + ".scale"), scale.getGradient(), t + ": d / d scale");
                Map<String, Parameter> p = StateDict.named(f.decoder);
                for (String name : List.of("queries", "layers.1.cross_attn.q_proj.weight")) {
                    Golden.assertClose(g.get("grad_" + t + ".decoder." + name), p.get(name).getArray().getGradient(),
                            t + ": d / d decoder." + name);
                }
                Golden.assertClose(g.get("grad_" + t + ".bank.codebook"),
                        f.bank.getDirectParameters().get("codebook").getArray().getGradient(), t + ": d / d codebook");
            }
        }
    }

    @Test
    void paddingNeverCounts() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray decoded = f.g.get("decoded");
            NDArray protos = f.g.get("true_prototypes").duplicate();
            NDArray sentences = f.g.get("true_sentences").duplicate();
            Terms a = terms(f, ps, false, decoded, protos, sentences, f.g.get("true_report"),
                    f.g.get("mask"), f.g.get("scale"));
            NDArray protos2 = protos.duplicate();
            protos2.set(new ai.djl.ndarray.index.NDIndex("1, 2"), 50f);
            NDArray sentences2 = sentences.duplicate();
            sentences2.set(new ai.djl.ndarray.index.NDIndex("1, 2"), -50f);
            Terms b = terms(f, ps, false, decoded, protos2, sentences2, f.g.get("true_report"),
                    f.g.get("mask"), f.g.get("scale"));
            Golden.assertClose(a.l1(), b.l1(), "L1 ignores the padded sentence");
            Golden.assertClose(a.kl(), b.kl(), "KL ignores the padded sentence");
            Golden.assertClose(a.globalPrediction(), b.globalPrediction(), "global prediction ignores it");
        }
    }

    @Test
    void decoderShapesAndNoCausalMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            PrototypeDecoder d = PrototypeDecoder.builder().optQueries(3).setEmbedding(4).optLayers(1).optHeads(2)
                    .optDropout(0f).build();
            NDArray image = m.randomNormal(new Shape(2, 5, 4));
            d.initialize(m, DataType.FLOAT32, image.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            NDArray out = d.forward(ps, new NDList(image), false).head();
            assertEquals(new Shape(2, 3, 4), out.getShape());
            // without a causal mask, changing the LAST query changes the FIRST output
            NDArray q = d.getDirectParameters().get("queries").getArray();
            float[] before = out.get("0, 0").toFloatArray();
            q.set(new ai.djl.ndarray.index.NDIndex("2"), 3f);
            float[] after = d.forward(ps, new NDList(image), false).head().get("0, 0").toFloatArray();
            assertFalse(java.util.Arrays.equals(before, after), "query 0 sees query 2");
        }
    }
}
