package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.config.PriorConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.pretrain.Checkpoint;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.text.tokenizer.Vocabulary;
import org.priorkit.vision.ResNet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DenseBlocksTest {

    @Test
    void bilinearMatchesPyTorchAlignCornersFalse() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
            NDArray y = Upsample.bilinear(x, 4, 4);
            // torch.nn.functional.interpolate(x, size=(4, 4), mode="bilinear", align_corners=False)
            float[] expected = {0f, .25f, .75f, 1f, .5f, .75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2f, 2.25f, 2.75f, 3f};
            assertEquals(new Shape(1, 1, 4, 4), y.getShape());
            assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3},
                    Upsample.nearest2(x).toFloatArray());
        }
    }

    @Test
    void decoderFollowsTheEncodersChannelsAndEndsAtStride4() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet r = ResNet.builder().setDepth(18).optBaseWidth(8).build();
            r.initialize(m, DataType.FLOAT32, new Shape(2, 1, 64, 64));
            UNetDecoder d = UNetDecoder.builder().setStageChannels(r.getStageChannels()).build();
            Shape[] maps = r.getOutputShapes(new Shape[] {new Shape(2, 1, 64, 64)});
            d.initialize(m, DataType.FLOAT32, maps);
            assertArrayEquals(new int[] {8, 16, 32}, d.getWidths());
            NDList features = r.features(new ParameterStore(m, false), m.randomNormal(new Shape(2, 1, 64, 64)), false);
            NDArray out = d.forward(new ParameterStore(m, false), features, false).head();
            assertEquals(new Shape(2, 8, 16, 16), out.getShape());
            assertEquals(d.getOutputShapes(maps)[0], out.getShape());
            assertThrows(IllegalArgumentException.class, () -> UNetDecoder.builder().setStageChannels(new int[] {8, 16}).build());
        }
    }

    @Test
    void encoderModesParse() {
        assertEquals(EncoderMode.FINE_TUNE, EncoderMode.parse("Fine-Tune"));
        assertEquals(EncoderMode.FROZEN, EncoderMode.parse("frozen"));
        assertThrows(IllegalArgumentException.class, () -> EncoderMode.parse("half"));
    }

    @Test
    void checkpointOfARunLoadsTheEncoderWeights(@TempDir Path dir) throws Exception {
        PriorConfig c = DenseTesting.micro();
        try (NDManager m = NDManager.newBaseManager()) {
            PriorModel saved = PriorModel.create(c.withSeed(11), m);
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            StateDict.named(saved).forEach((k, p) -> tensors.put(k, p.getArray()));
            Path ckpt = dir.resolve("last.ckpt");
            Checkpoint.write(ckpt, new Checkpoint.State(0, "align", 1, 1, 1, 11, true, "micro", c.withSeed(11)), tensors,
                    Map.of());
            // The kit's run folder holds the vocabulary next to the checkpoint; the config comes from the checkpoint.
            List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
            while (tokens.size() < c.text().vocabSize()) {
                tokens.add("t" + tokens.size());
            }
            Vocabulary.of(tokens).write(dir.resolve(RunFolder.VOCAB));

            PriorModel loaded = TaskModel.load(dir, m).model();
            PriorModel fresh = PriorModel.create(c.withSeed(12), m);
            var want = DenseTesting.snapshot(Encoders.backbone(saved));
            assertTrue(DenseTesting.changed(want, DenseTesting.snapshot(Encoders.backbone(loaded))).isEmpty());
            assertFalse(DenseTesting.changed(want, DenseTesting.snapshot(Encoders.backbone(fresh))).isEmpty());
            // An older checkpoint with only a preset name needs that preset to exist.
            Checkpoint.write(ckpt, new Checkpoint.State(0, "align", 1, 1, 1, 11, true, "micro", null), tensors, Map.of());
            assertThrows(Exception.class, () -> TaskModel.load(dir, m));
        }
    }
}
