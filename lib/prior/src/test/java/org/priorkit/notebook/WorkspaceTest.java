package org.priorkit.notebook;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.config.PriorConfig;
import org.priorkit.pretrain.PretrainBatch;
import org.priorkit.pretrain.RunFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {

    @Test
    void syntheticSetIsGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
        Knobs k = Knobs.from(Map.of("PRIOR_DATA_SCALE", "0.01", "PRIOR_WORK", dir.toString()), dir, dir);
        Path root = Workspace.syntheticData(k);
        assertTrue(Files.exists(root.resolve("synthetic-truth.jsonl")));
        assertFalse(Files.exists(root.resolveSibling(root.getFileName() + ".partial")));
        var stamp = Files.getLastModifiedTime(root.resolve("synthetic-truth.jsonl"));
        assertEquals(root, Workspace.syntheticData(k));
        assertEquals(stamp, Files.getLastModifiedTime(root.resolve("synthetic-truth.jsonl"))); // not regenerated
        assertEquals(root, Workspace.data(k));
    }

    @Test
    void theSharedRunIsNamedByItsDataAndScheduleNotItsPath(@TempDir Path dir) {
        Knobs k = Knobs.from(Map.of("PRIOR_WORK", dir.toString()), dir, dir);
        Knobs moved = Knobs.from(Map.of("PRIOR_WORK", dir.resolve("copy").toString()), dir.resolve("elsewhere"), dir);
        PriorConfig nb = PriorConfig.notebook();
        String name = Workspace.runName(k, nb, dir.resolve("data"));
        assertEquals(name, Workspace.runName(moved, nb, dir.resolve("elsewhere/data")), "a copied run is reused");
        var longer = nb.withStages(nb.stages().stream().map(s -> s.withMaxSteps(s.maxSteps() + 1)).toList());
        assertNotEquals(name, Workspace.runName(k, longer, dir.resolve("data")), "a changed schedule is rebuilt");
    }

    @Test
    void pretrainedRunIsBuiltWhenMissingThenReused(@TempDir Path dir) throws Exception {
        Knobs k = Knobs.from(Map.of("PRIOR_DATA_SCALE", "0.05", "PRIOR_MAX_STEPS", "1", "PRIOR_DEVICE", "cpu",
                "PRIOR_WORK", dir.toString()), dir, dir);
        RunFolder run = Workspace.pretrainedRun(k);
        assertTrue(run.complete());
        assertEquals(3, run.metrics().size()); // one step per stage
        var stamp = Files.getLastModifiedTime(run.checkpoint(3));
        RunFolder again = Workspace.pretrainedRun(k);
        assertEquals(run.dir(), again.dir());
        assertEquals(stamp, Files.getLastModifiedTime(again.checkpoint(3)));
        try (NDManager m = NDManager.newBaseManager()) {
            var model = run.load(3, m);
            PretrainBatch batch = run.batch(run.pairs("train", 2), m);
            int size = run.config().image().imageSize();
            assertEquals(new Shape(2, 1, size, size), batch.images().getShape());
            assertEquals(new Shape(2, run.config().text().maxTokens()), batch.ids().getShape());
            assertEquals(run.config().embedDim(), model.config().embedDim());
        }
        // PRIOR_RUN: a finished run is used as it is, its config read from its checkpoints
        Knobs given = Knobs.from(Map.of("PRIOR_DATA_SCALE", "0.05", "PRIOR_WORK", dir.toString(),
                "PRIOR_RUN", run.dir().toString(), "PRIOR_PRESET", "paper"), dir, dir);
        RunFolder reused = Workspace.pretrainedRun(given);
        assertEquals(run.dir(), reused.dir());
        assertEquals(run.config(), reused.config(), "the run's own config, not PRIOR_PRESET's");
        // an unfinished or missing run is one clear error naming the folder
        Files.delete(run.checkpoint(3));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Workspace.pretrainedRun(given));
        assertTrue(e.getMessage().contains(run.dir().toString()) && e.getMessage().contains("not finished"), e.getMessage());
    }
}
