package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.config.PriorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointTest {

    private static final Checkpoint.State STATE =
            new Checkpoint.State(1, "prototype", 7, 20, 47, 42L, false, "tiny", PriorConfig.tiny().withSeed(42));

    @Test
    void roundTripIsBitIdentical(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            NDArray w = m.randomNormal(new Shape(3, 5));
            NDArray b = m.randomNormal(new Shape(5));
            NDArray mom = m.randomUniform(0, 1, new Shape(3, 5));
            Path file = dir.resolve("stage-2.ckpt");
            Checkpoint.write(file, STATE, Map.of("fc.weight", w, "fc.bias", b), Map.of("m/fc.weight", mom));
            Checkpoint.Contents back = Checkpoint.read(m, file);
            assertEquals(STATE, back.state());
            assertArrayEquals(w.toFloatArray(), back.model().get("fc.weight").toFloatArray());
            assertArrayEquals(b.toFloatArray(), back.model().get("fc.bias").toFloatArray());
            assertArrayEquals(mom.toFloatArray(), back.optimizer().get("m/fc.weight").toFloatArray());
            assertEquals(2, back.model().size());
            assertNull(w.getName());
            try (var files = Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary file may be left behind");
            }
        }
    }

    @Test
    void theWholeConfigIsSavedAndReadBack(@TempDir Path dir) throws IOException {
        PriorConfig sized = PriorConfig.paper().withText(PriorConfig.paper().text().withVocabSize(1234));
        Checkpoint.State state = new Checkpoint.State(2, "reconstruct", 5, 5, 99, 7L, true, "paper", sized);
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = dir.resolve("stage-3-reconstruct.ckpt");
            Checkpoint.write(file, state, Map.of("x", m.ones(new Shape(2))), Map.of());
            Checkpoint.State back = Checkpoint.read(m, file).state();
            assertEquals(sized, back.config(), "every field, the vocabulary size included");
            assertEquals(sized, back.configOrPreset());
        }
    }

    @Test
    void anOlderCheckpointOpensWithItsPresetName() {
        String old = "{\"stage\": 0, \"stageName\": \"align\", \"stepInStage\": 3, \"totalStepsInStage\": 3,"
                + " \"globalStep\": 3, \"seed\": 42, \"finished\": true, \"preset\": \"tiny\"}";
        Checkpoint.State s = Checkpoint.state(old);
        assertNull(s.config());
        assertEquals(PriorConfig.tiny(), s.configOrPreset());
        assertEquals(3, s.globalStep());
        String unreadable = old.replace("}", ", \"config\": {\"preset\": \"tiny\", \"batchSize\": 1}}");
        assertEquals(PriorConfig.tiny(), Checkpoint.state(unreadable).configOrPreset(),
                "a config this version cannot build falls back to the preset");
    }

    @Test
    void overwriteReplacesTheOldCheckpoint(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = dir.resolve("last.ckpt");
            Checkpoint.write(file, STATE, Map.of("x", m.ones(new Shape(2))), Map.of());
            Checkpoint.State later = new Checkpoint.State(1, "prototype", 8, 20, 48, 42L, false, "tiny", null);
            Checkpoint.write(file, later, Map.of("x", m.zeros(new Shape(2))), Map.of());
            Checkpoint.Contents back = Checkpoint.read(m, file);
            assertEquals(8, back.state().stepInStage());
            assertArrayEquals(new float[] {0, 0}, back.model().get("x").toFloatArray());
        }
    }

    @Test
    void damagedFilesAreNamed(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = dir.resolve("cut.ckpt");
            Checkpoint.write(file, STATE, Map.of("x", m.ones(new Shape(64, 64))), Map.of());
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            IOException cut = assertThrows(IOException.class, () -> Checkpoint.read(m, file));
            assertTrue(cut.getMessage().contains(file.toString()), cut.getMessage());

            Path text = dir.resolve("notes.ckpt");
            Files.writeString(text, "hello");
            IOException foreign = assertThrows(IOException.class, () -> Checkpoint.read(m, text));
            assertTrue(foreign.getMessage().contains("notes.ckpt"), foreign.getMessage());

            IOException missing = assertThrows(IOException.class, () -> Checkpoint.read(m, dir.resolve("none.ckpt")));
            assertTrue(missing.getMessage().contains("does not exist"));
        }
    }
}
