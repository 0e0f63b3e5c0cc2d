package org.priorkit.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.split.DataFraction;
import org.priorkit.metrics.Boxes;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.tasks.dense.DenseTesting;
import org.priorkit.tasks.dense.EncoderMode;
import org.priorkit.tasks.dense.Encoders;
import org.priorkit.vision.ResNet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DetectionTest {

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        data = DenseTesting.tinySet(dir.resolve("synth"));
    }

    static DetectionConfig quick() {
        return DetectionConfig.defaults().withImageSize(64).withSteps(3, 2);
    }

    @Test
    void headGivesHeatmapSizeAndOffsetAtStride4() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet r = Encoders.backbone(PriorModel.create(DenseTesting.micro(), m));
            CenterNetHead head = Detection.newHead(r, 64, 1, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = head.forward(ps, r.features(ps, m.randomNormal(new Shape(3, 1, 64, 64)), false), false);
            assertEquals(new Shape(3, 1, 16, 16), out.get(0).getShape());
            assertEquals(new Shape(3, 2, 16, 16), out.get(1).getShape());
            assertEquals(new Shape(3, 2, 16, 16), out.get(2).getShape());
            NDArray bias = StateDict.named(head).get("heatmap.1.bias").getArray();
            assertEquals(CenterNetHead.HEATMAP_PRIOR_BIAS, bias.getFloat(0), 1e-6f);
        }
    }

    @Test
    void targetsDecodeBackToTheSameBoxes() {
        Random random = new Random(3);
        CenterNetDecoder decoder = new CenterNetDecoder(4, 20, 0.5);
        for (int trial = 0; trial < 50; trial++) {
            float[][] boxes = distinctCentres(random, 1 + random.nextInt(4));
            CenterNetTargets t = CenterNetTargets.encode(boxes, 16, 16, 4);
            CenterNetDecoder.Detections d = decoder.decode(t.heatmap(), t.size(), t.offset(), 16, 16, 64, 64).above(0.5);
            assertEquals(boxes.length, d.boxes().length, "trial " + trial);
            for (float[] b : boxes) {
                double[] truth = {b[0], b[1], b[2], b[3]};
                double best = 0;
                for (double[] p : d.boxes()) {
                    best = Math.max(best, Boxes.iou(truth, p));
                }
                assertTrue(best > 0.99, "trial " + trial + ": best IoU " + best);
            }
            for (double s : d.scores()) {
                assertEquals(1.0, s, 0.0); // the centre cell of the target heatmap is exactly 1
            }
        }
    }

    /** Boxes inside a 64 px image whose centres fall in different stride-4 cells, far enough apart for NMS. */
    private static float[][] distinctCentres(Random random, int n) {
        float[][] out = new float[n][];
        int made = 0;
        while (made < n) {
            float w = 4 + random.nextFloat() * 20;
            float h = 4 + random.nextFloat() * 20;
            float x = random.nextFloat() * (64 - w);
            float y = random.nextFloat() * (64 - h);
            float[] b = {x, y, w, h};
            boolean ok = true;
            for (int i = 0; i < made; i++) {
                double iou = Boxes.iou(new double[] {x, y, w, h}, new double[] {out[i][0], out[i][1], out[i][2], out[i][3]});
                int ci = (int) ((out[i][0] + out[i][2] / 2) / 4) + 16 * (int) ((out[i][1] + out[i][3] / 2) / 4);
                int cb = (int) ((x + w / 2) / 4) + 16 * (int) ((y + h / 2) / 4);
                ok &= iou < 0.3 && ci != cb;
            }
            if (ok) {
                out[made++] = b;
            }
        }
        return out;
    }

    @Test
    void lossFallsWhenPredictionsApproachTheTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            CenterNetTargets t = CenterNetTargets.encode(new float[][] {{10, 12, 16, 20}, {-1, -1, -1, -1}}, 16, 16, 4);
            NDArray heat = m.create(t.heatmap(), new Shape(1, 1, 16, 16));
            NDArray size = m.create(t.size(), new Shape(1, 2, 16, 16));
            NDArray offset = m.create(t.offset(), new Shape(1, 2, 16, 16));
            NDArray centres = m.create(t.centres(), new Shape(1, 1, 16, 16));
            assertEquals(1f, centres.sum().getFloat());
            CenterNetLoss loss = new CenterNetLoss(0.4, 1);
            NDArray far = loss.compute(new NDList(m.zeros(heat.getShape()), m.zeros(size.getShape()), m.zeros(offset.getShape())),
                    heat, size, offset, centres);
            // logits +-9 at the centre / elsewhere, exact size and offset
            NDArray sharp = centres.mul(18f).sub(9f);
            NDArray near = loss.compute(new NDList(sharp, size, offset), heat, size, offset, centres);
            assertTrue(near.getFloat() < 0.01 && far.getFloat() > 1, far.getFloat() + " -> " + near.getFloat());
        }
    }

    @Test
    void frozenKeepsTheEncoderAndFineTuningChangesIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (EncoderMode mode : EncoderMode.values()) {
                PriorModel model = PriorModel.create(DenseTesting.micro(), m);
                Map<String, float[]> before = DenseTesting.snapshot(Encoders.backbone(model));
                DetectionResult r = Detection.run(model, data, quick().withMode(mode), m);
                List<String> changed = DenseTesting.changed(before, DenseTesting.snapshot(Encoders.backbone(model)));
                if (mode == EncoderMode.FROZEN) {
                    assertEquals(List.of(), changed);
                } else {
                    assertTrue(changed.contains("conv1.weight") && changed.contains("bn1.running_var"), changed.toString());
                }
                assertTrue(Double.isFinite(r.ap50()), r.summary());
            }
        }
    }

    @Test
    void fractionsAreSeededAndPositivesOnlyByDefault() {
        DetectionConfig c = quick().withFraction(DataFraction.parse("50%"));
        DetectionData a = DetectionData.load(data, c, 64);
        DetectionData b = DetectionData.load(data, c, 64);
        assertEquals(a.train().ids(), b.train().ids());
        assertEquals(DataFraction.parse("50%").of(a.trainSplitSize()), a.train().size());
        assertTrue(a.train().records().stream().allMatch(r -> r.target() == 1));
        DetectionData all = DetectionData.load(data, c.withFraction(DataFraction.ALL).withPositivesOnly(false), 64);
        assertEquals(12, all.train().size() + all.val().size() + all.test().size());
    }

    @Test
    void flipMirrorsImageBoxesAndTargetsTogetherAndOnlyInTraining() {
        try (NDManager m = NDManager.newBaseManager()) {
            DetectionData d = DetectionData.load(data, quick().withFlip(true), 64);
            BoxSet train = d.train();
            NDList plain = train.get(m, 0, 0);                                   // seed 0: never flipped
            int flipped = 0;
            for (int draw = 1; draw <= 16; draw++) {
                NDList row = train.get(m, 0, org.priorkit.train.Seeds.mix(5, draw)); // the loader's per-sample seeds are mixed
                if (row.get(0).contentEquals(plain.get(0))) {
                    assertTrue(plain.get(1).contentEquals(row.get(1)), "an unflipped image keeps its boxes");
                    continue;
                }
                flipped++;
                assertTrue(plain.get(0).flip(2).contentEquals(row.get(0)), "the image is mirrored left-right");
                float[] before = plain.get(1).toFloatArray();                   // (M, 4) x, y, w, h
                float[] after = row.get(1).toFloatArray();
                for (int i = 0; i < before.length; i += 4) {
                    boolean padding = before[i + 2] <= 0;
                    float x = padding ? before[i] : 64 - before[i] - before[i + 2];
                    assertArrayEquals(new float[] {x, before[i + 1], before[i + 2], before[i + 3]},
                            java.util.Arrays.copyOfRange(after, i, i + 4), 1e-5f);
                }
            }
            assertTrue(flipped > 2 && flipped < 14, "about half the samples are mirrored, got " + flipped + " of 16");
            for (long seed = 1; seed <= 8; seed++) {
                assertTrue(d.test().get(m, 0, seed).get(0).contentEquals(d.test().get(m, 0, 0).get(0)),
                        "evaluation sets never flip");
            }
        }
    }

    @Test
    void endToEndOnTheTinySetIsFiniteAndRepeatable() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            DetectionResult a = Detection.run(PriorModel.create(DenseTesting.micro(), m), data, quick(), m);
            DetectionResult b = Detection.run(PriorModel.create(DenseTesting.micro(), m), data, quick(), m);
            for (double v : new double[] {a.rsnaMap(), a.ap50()}) {
                assertTrue(v >= 0 && v <= 1, a.summary());
            }
            assertEquals(a.losses(), b.losses());
            assertEquals(a.rsnaMap(), b.rsnaMap());
            assertEquals(a.ap50(), b.ap50());
            assertFalse(a.examples().isEmpty());
            DetectionResult.Example e = a.examples().get(0);
            assertEquals(64, e.image().width());
            assertTrue(e.truth().length >= 1, "positives-only test images have boxes");
            assertEquals(e.predicted().length, e.scores().length);
        }
        DetectionResult r = Detection.run(data, null, quick().withScoreThreshold(0.2));
        assertEquals(0.2, r.scoreThreshold());
        assertTrue(Double.isFinite(r.rsnaMap()) && Double.isFinite(r.ap50()), r.summary());
    }
}
