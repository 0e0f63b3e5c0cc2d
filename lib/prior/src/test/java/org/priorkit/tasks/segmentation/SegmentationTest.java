package org.priorkit.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.split.DataFraction;
import org.priorkit.model.PriorModel;
import org.priorkit.tasks.dense.DenseTesting;
import org.priorkit.tasks.dense.DenseTrainer;
import org.priorkit.tasks.dense.EncoderMode;
import org.priorkit.tasks.dense.Encoders;
import org.priorkit.vision.ResNet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SegmentationTest {

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        data = DenseTesting.tinySet(dir.resolve("synth"));
    }

    /** A few steps, small batches: enough to exercise every path on the tiny set. */
    static SegmentationConfig quick() {
        return SegmentationConfig.defaults().withSteps(3, 2).withImageSize(0); // the tiny set is 64 px: no upsampling
    }

    @Test
    void headGivesOneLogitPerInputPixel() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet r = Encoders.backbone(PriorModel.create(DenseTesting.micro(), m));
            SegmentationHead head = Segmentation.newHead(r, 64, 1, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDList maps = r.features(ps, m.randomNormal(new Shape(3, 1, 64, 64)), false);
            assertEquals(new Shape(3, 1, 64, 64), head.forward(ps, maps, false).head().getShape());
            assertEquals(new Shape(3, 1, 64, 64), head.getOutputShapes(r.getOutputShapes(new Shape[] {new Shape(3, 1, 64, 64)}))[0]);
        }
    }

    @Test
    void lossMatchesHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray zeros = m.zeros(new Shape(1, 1, 2, 2));
            NDArray mask = m.create(new float[] {1, 0, 0, 0}, new Shape(1, 1, 2, 2));
            // logit 0: p = 0.5 everywhere; BCE = log 2; Dice = (2 * 0.5 + 1) / (2 + 1 + 1) = 0.5
            assertEquals(Math.log(2), SegmentationLoss.bce(zeros, mask).getFloat(), 1e-6);
            assertEquals(0.5, SegmentationLoss.softDiceLoss(zeros, mask).getFloat(), 1e-6);
            assertEquals(Math.log(2) + 2 * 0.5, new SegmentationLoss(1, 2).compute(zeros, mask).getFloat(), 1e-6);
            // confident and right: both terms near 0
            NDArray right = mask.mul(40f).sub(20f);
            assertEquals(0, new SegmentationLoss(1, 1).compute(right, mask).getFloat(), 1e-6);
            assertThrows(IllegalArgumentException.class, () -> new SegmentationLoss(0, 0));
        }
    }

    @Test
    void boxesFillAsMasksByPixelCentre() {
        float[] mask = MaskSet.fill(new float[] {1, 0, 2, 2, -1, -1, -1, -1}, 3, 4);
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0}, mask);
    }

    @Test
    void overfitsATinyFixedSet() {
        try (NDManager m = NDManager.newBaseManager()) {
            SegmentationConfig c = SegmentationConfig.defaults().withMode(EncoderMode.FINE_TUNE).withSteps(50, 4)
                    .withLearningRate(5e-3, 1.0);
            SegmentationData d = SegmentationData.load(data, c, 64);
            ResNet r = Encoders.backbone(PriorModel.create(DenseTesting.micro(), m));
            SegmentationHead head = Segmentation.newHead(r, 64, 5, m);
            MaskSet fixed = d.train();
            assertTrue(fixed.size() >= 3, "tiny set should give a few training positives, got " + fixed.size());
            double before = meanDice(r, head, fixed, c, m);
            SegmentationLoss loss = c.loss();
            List<Float> losses = DenseTrainer.train(r, head, fixed, c.trainer(),
                    (ps, maps, b) -> loss.compute(head.forward(ps, maps, true).head(), b.masks()), m);
            double after = meanDice(r, head, fixed, c, m);
            assertTrue(losses.get(losses.size() - 1) < 0.8 * losses.get(0), "loss " + losses.get(0) + " -> " + losses.get(losses.size() - 1));
            assertTrue(after > before + 0.25, "Dice on the training images " + before + " -> " + after);
        }
    }

    private static double meanDice(ResNet r, SegmentationHead head, MaskSet set, SegmentationConfig c, NDManager m) {
        Segmentation.Evaluation e = Segmentation.evaluate(r, head, set, c, m);
        return java.util.Arrays.stream(e.dice()).average().orElseThrow();
    }

    @Test
    void frozenKeepsTheEncoderAndFineTuningChangesIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (EncoderMode mode : EncoderMode.values()) {
                PriorModel model = PriorModel.create(DenseTesting.micro(), m);
                Map<String, float[]> before = DenseTesting.snapshot(Encoders.backbone(model));
                SegmentationConfig c = quick().withMode(mode);
                SegmentationResult r = Segmentation.run(model, data, c, m);
                List<String> changed = DenseTesting.changed(before, DenseTesting.snapshot(Encoders.backbone(model)));
                if (mode == EncoderMode.FROZEN) {
                    assertEquals(List.of(), changed, "frozen run changed encoder parameters");
                } else {
                    assertTrue(changed.contains("conv1.weight") && changed.contains("layer4.1.conv2.weight")
                            && changed.contains("bn1.running_mean"), "fine-tuning left the encoder alone: " + changed);
                }
                assertTrue(Double.isFinite(r.dice()));
            }
        }
    }

    @Test
    void fractionsAreSeededAndOnlyCutTheTrainingSplit() {
        SegmentationConfig c = SegmentationConfig.defaults().withFraction(DataFraction.parse("50%"));
        SegmentationData a = SegmentationData.load(data, c, 64);
        SegmentationData b = SegmentationData.load(data, c, 64);
        SegmentationData all = SegmentationData.load(data, c.withFraction(DataFraction.ALL), 64);
        assertEquals(a.train().ids(), b.train().ids());
        assertEquals(DataFraction.parse("50%").of(all.trainSplitSize()), a.train().size());
        assertTrue(all.train().ids().containsAll(a.train().ids()));
        assertEquals(all.test().ids(), a.test().ids());
        assertEquals(all.val().ids(), a.val().ids());
        // every SIIM image kept is a positive, and no image is in two splits
        assertEquals(6, all.train().size() + all.val().size() + all.test().size());
        assertTrue(all.test().ids().stream().noneMatch(all.train().ids()::contains));
        // the split follows the seed: some other seed puts other images in test
        assertTrue(java.util.stream.IntStream.range(1, 10).anyMatch(s ->
                !SegmentationData.load(data, c.withSeed(s), 64).test().ids().equals(all.test().ids())));
    }

    @Test
    void endToEndOnTheTinySetIsFiniteAndRepeatable() throws Exception {
        SegmentationConfig c = quick().withDataset(SegmentationConfig.Dataset.RSNA_BOXES).withMode(EncoderMode.FINE_TUNE);
        try (NDManager m = NDManager.newBaseManager()) {
            SegmentationResult siim = Segmentation.run(PriorModel.create(DenseTesting.micro(), m), data, quick(), m);
            assertTrue(siim.dice() >= 0 && siim.dice() <= 1, siim.summary());
            assertEquals(siim.testIds().size(), siim.perImageDice().length);
            assertEquals(Math.min(siim.testIds().size(), 4), siim.examples().size());
            SegmentationResult.Example e = siim.examples().get(0);
            assertEquals(64 * 64, e.truth().length);
            assertEquals(64 * 64, e.predicted().length);
            assertEquals(64, e.image().height());

            SegmentationResult a = Segmentation.run(PriorModel.create(DenseTesting.micro(), m), data, c, m);
            SegmentationResult b = Segmentation.run(PriorModel.create(DenseTesting.micro(), m), data, c, m);
            assertTrue(Double.isFinite(a.dice()), a.summary());
            assertEquals(a.losses(), b.losses());
            assertArrayEquals(a.perImageDice(), b.perImageDice());
        }
        // the public entry: random init of the tiny preset, at 64 px
        SegmentationResult r = Segmentation.run(data, null, quick());
        assertEquals(64, r.imageSize());
        assertTrue(Double.isFinite(r.dice()));
    }

    @Test
    void configRejectsBadSettings() {
        SegmentationConfig d = SegmentationConfig.defaults();
        assertEquals(128, d.imageSize(), "as detection: thin masks need the pixels");
        assertThrows(IllegalArgumentException.class, () -> d.withImageSize(100));
        assertThrows(IllegalArgumentException.class, () -> d.withSteps(0, 4));
        assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(-1, 1));
        assertEquals(SegmentationConfig.Dataset.RSNA_BOXES, SegmentationConfig.Dataset.parse("RSNA"));
    }
}
