package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.config.PriorConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.tasks.TaskFixtures;
import org.priorkit.weights.BertFolder;
import org.priorkit.weights.SafeTensors;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pretraining from published weights: a BERT folder sets the text encoder's sizes, weights and vocabulary. */
class StartingWeightsTest {

    static Path tinyBert() throws URISyntaxException {
        return Path.of(StartingWeightsTest.class.getResource("/weights/tiny-bert").toURI());
    }

    @Test
    void aBertFolderGivesTheTextEncoderItsSizesAndWeights() throws Exception {
        BertFolder folder = BertFolder.open(tinyBert());
        PriorConfig config = StartingWeights.withTextEncoder(TaskFixtures.micro(), folder);
        assertEquals(16, config.text().hidden());
        assertEquals(30, config.text().vocabSize());
        try (NDManager m = NDManager.newBaseManager()) {
            PriorModel model = PriorModel.create(config, m);
            new StartingWeights(null, tinyBert()).loadInto(model);
            float[] want = SafeTensors.read(folder.weightsFile()).get("encoder.layer.1.output.dense.weight")
                    .toNDArray(m).toFloatArray();
            NDArray got = StateDict.named(model.textEncoder()).get("encoder.layer.1.output.dense.weight").getArray();
            assertArrayEquals(want, got.toFloatArray(), 0f);
        }
    }

    @Test
    void aRunFromABertFolderKeepsItsVocabularyAndCasingForTheTasks(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        PretrainJob job = new PretrainJob(TaskFixtures.tinyData(), run, TaskFixtures.micro(), null, 8,
                PretrainJob.DEFAULT_MAX_BAD, new StartingWeights(null, tinyBert()));
        PretrainJob.Outcome out = job.run(Device.cpu(), TrainOptions.defaults(run).withMaxStepsPerStage(1));
        assertEquals(Files.readAllLines(tinyBert().resolve("vocab.txt")), Files.readAllLines(run.resolve("vocab.txt")));
        assertEquals(16, out.config().text().hidden());
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel task = TaskModel.load(run, m);
            assertEquals(out.config().text(), task.config().text());
            assertTrue(task.tokenizer().lowercase());
        }
        Files.writeString(run.resolve(RunFolder.TOKENIZER_CONFIG), "{\"do_lower_case\": false}");
        assertEquals(false, RunFolder.tokenizer(run).lowercase(), "a cased vocabulary stays cased");
    }

    @Test
    void mistakesNameTheOptionAndThePath(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StartingWeights(dir.resolve("resnet50.pth"), null));
        assertEquals("--image-weights " + dir.resolve("resnet50.pth") + ": no such file", e.getMessage());
        Path file = Files.writeString(dir.resolve("r.pth"), "x");
        try (NDManager m = NDManager.newBaseManager()) {
            PriorModel micro = PriorModel.create(TaskFixtures.micro(), m);
            e = assertThrows(IllegalArgumentException.class, () -> new StartingWeights(file, null).loadInto(micro));
            assertTrue(e.getMessage().contains("this preset's image encoder is a ResNet-18 at 1/8 width (use --preset paper)"),
                    e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> new PretrainJob(dir, dir, TaskFixtures.micro(),
                file, 0, 0.01, new StartingWeights(null, tinyBert())));
        assertTrue(e.getMessage().startsWith("--vocab and --text-weights both give a vocabulary"), e.getMessage());
    }
}
