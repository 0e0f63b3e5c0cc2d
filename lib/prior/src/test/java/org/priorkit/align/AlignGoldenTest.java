package org.priorkit.align;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.Golden;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Checks the align package against src/test/python/align_losses.py. */
class AlignGoldenTest {

    static Map<String, NDArray> withPrefix(Map<String, NDArray> golden, String prefix) {
        Map<String, NDArray> out = new HashMap<>();
        golden.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Everything the golden script builds, loaded with its weights. */
    record Fixture(Map<String, NDArray> g, LocalAlignment align, SimSiamPredictor predictor,
                   LearnableTemperature globalTemp, LearnableTemperature localTemp) {
        static Fixture load(NDManager m) {
            Map<String, NDArray> g = Golden.load(m, "align_losses");
            LocalAlignment align = LocalAlignment.builder().setEmbedding(8).build();
            align.initialize(m, DataType.FLOAT32, g.get("image_tokens").getShape(), g.get("sentences").getShape(),
                    g.get("mask").getShape());
            SimSiamPredictor predictor = SimSiamPredictor.builder().setEmbedding(8).build();
            predictor.initialize(m, DataType.FLOAT32, g.get("image_tokens").getShape());
            LearnableTemperature gt = LearnableTemperature.builder().build();
            gt.initialize(m, DataType.FLOAT32);
            LearnableTemperature lt = LearnableTemperature.builder().build();
            lt.initialize(m, DataType.FLOAT32);
            StateDict.load(align, withPrefix(g, "align."));
            StateDict.load(predictor, withPrefix(g, "predictor."));
            StateDict.load(gt, withPrefix(g, "global_temp."));
            StateDict.load(lt, withPrefix(g, "local_temp."));
            return new Fixture(g, align, predictor, gt, lt);
        }
    }

    @Test
    void localAlignmentForwardMatchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            NDList out = f.align.forward(new ParameterStore(m, false),
                    new NDList(f.g.get("image_tokens"), f.g.get("sentences"), f.g.get("mask")), false);
            Golden.assertClose(f.g.get("text_aware"), out.get(0), "text-aware image tokens");
            Golden.assertClose(f.g.get("image_aware"), out.get(1), "image-aware sentences");
            Golden.assertClose(f.g.get("sentence_to_region"), out.get(2), "sentence->region attention");
            Golden.assertClose(f.g.get("region_to_sentence"), out.get(3), "region->sentence attention");
        }
    }

    @Test
    void globalLossAndGradientsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            NDArray image = f.g.get("image_global");
            NDArray report = f.g.get("report");
            image.setRequiresGradient(true);
            report.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray scale = f.globalTemp.scale(new ParameterStore(m, false), Device.cpu(), true);
                NDArray loss = new GlobalAlignmentLoss().compute(image, report, scale);
                Golden.assertClose(f.g.get("loss_global"), loss, "global loss");
                c.backward(loss);
            }
            Golden.assertClose(f.g.get("grad_global.image_global"), image.getGradient(), "d global / d image");
            Golden.assertClose(f.g.get("grad_global.report"), report.getGradient(), "d global / d report");
            Golden.assertClose(f.g.get("grad_global.logit_scale"),
                    f.globalTemp.getDirectParameters().get("logit_scale").getArray().getGradient(),
                    "d global / d logit_scale");
        }
    }

    @Test
    void localImageLossAndGradientsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            NDArray tokens = f.g.get("image_tokens");
            NDArray sentences = f.g.get("sentences");
            tokens.setRequiresGradient(true);
            sentences.setRequiresGradient(true);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray textAware = f.align.forward(ps, new NDList(tokens, sentences, f.g.get("mask")), true).get(0);
                NDArray px = f.predictor.forward(ps, new NDList(tokens), true).singletonOrThrow();
                NDArray py = f.predictor.forward(ps, new NDList(textAware), true).singletonOrThrow();
                NDArray loss = new LocalImageLoss().compute(px, py, tokens, textAware);
                Golden.assertClose(f.g.get("loss_image"), loss, "local image loss");
                c.backward(loss);
            }
            Golden.assertClose(f.g.get("grad_image.image_tokens"), tokens.getGradient(), "d image / d tokens");
            Golden.assertClose(f.g.get("grad_image.sentences"), sentences.getGradient(), "d image / d sentences");
            Golden.assertClose(f.g.get("grad_image.predictor.fc1.weight"),
                    StateDict.named(f.predictor).get("fc1.weight").getArray().getGradient(), "d image / d fc1.weight");
            Golden.assertClose(f.g.get("grad_image.align.t2i_v.weight"),
                    StateDict.named(f.align).get("t2i_v.weight").getArray().getGradient(), "d image / d t2i_v.weight");
        }
    }

    @Test
    void localTextLossAndGradientsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            NDArray tokens = f.g.get("image_tokens");
            NDArray sentences = f.g.get("sentences");
            tokens.setRequiresGradient(true);
            sentences.setRequiresGradient(true);
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray imageAware = f.align.forward(ps, new NDList(tokens, sentences, f.g.get("mask")), true).get(1);
                NDArray scale = f.localTemp.scale(ps, Device.cpu(), true);
                NDArray loss = new LocalTextLoss().compute(sentences, imageAware, f.g.get("mask"), scale);
                Golden.assertClose(f.g.get("loss_text"), loss, "local text loss");
                c.backward(loss);
            }
            Golden.assertClose(f.g.get("grad_text.image_tokens"), tokens.getGradient(), "d text / d tokens");
            Golden.assertClose(f.g.get("grad_text.sentences"), sentences.getGradient(), "d text / d sentences");
            Golden.assertClose(f.g.get("grad_text.logit_scale"),
                    f.localTemp.getDirectParameters().get("logit_scale").getArray().getGradient(), "d text / d logit_scale");
            Golden.assertClose(f.g.get("grad_text.align.i2t_q.weight"),
                    StateDict.named(f.align).get("i2t_q.weight").getArray().getGradient(), "d text / d i2t_q.weight");
        }
    }

    @Test
    void batchedEqualsNaiveLoop() {
        try (NDManager m = NDManager.newBaseManager()) {
            Fixture f = Fixture.load(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray tokens = f.g.get("image_tokens");
            NDArray sentences = f.g.get("sentences");
            NDArray mask = f.g.get("mask");
            NDArray scale = f.localTemp.scale(ps, Device.cpu(), false);
            NaiveLocalAlignment.Result naive = NaiveLocalAlignment.run(ps, f.align, f.predictor, tokens, sentences,
                    mask, scale, false);
            NDList out = f.align.forward(ps, new NDList(tokens, sentences, mask), false);
            Golden.assertClose(naive.textAware(), out.get(0), "text-aware: batched vs loop");
            Golden.assertClose(naive.imageAware(), out.get(1), "image-aware: batched vs loop");
            NDArray px = f.predictor.forward(ps, new NDList(tokens), false).singletonOrThrow();
            NDArray py = f.predictor.forward(ps, new NDList(out.get(0)), false).singletonOrThrow();
            Golden.assertClose(naive.localImageLoss(), new LocalImageLoss().compute(px, py, tokens, out.get(0)),
                    "local image loss: batched vs loop");
            Golden.assertClose(naive.localTextLoss(), new LocalTextLoss().compute(sentences, out.get(1), mask, scale),
                    "local text loss: batched vs loop");
        }
    }
}
