package org.priorkit.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnobsTest {

    @Test
    void defaultsInsideTheRepositoryCacheUnderRuns(@TempDir Path dir) throws Exception {
        Path repo = fakeRepository(dir);
        Knobs k = Knobs.from(Map.of(), repo.resolve("notebooks"), dir.resolve("home"));
        assertEquals("auto", k.device());
        assertEquals("notebook", k.preset());
        assertNull(k.run());
        assertEquals(Knobs.DEFAULT_EPOCHS, k.epochs());
        assertEquals(Knobs.DEFAULT_MAX_STEPS, k.maxSteps());
        assertEquals(Knobs.DEFAULT_DATA_SCALE, k.dataScale());
        assertNull(k.data());
        assertFalse(k.realData());
        assertEquals(repo.resolve("runs/notebooks").toAbsolutePath(), k.work());
    }

    @Test
    void outsideARepositoryTheCacheIsInTheHomeFolder(@TempDir Path dir) {
        Knobs k = Knobs.from(Map.of(), dir, dir.resolve("home"));
        assertEquals(dir.resolve("home/.cache/prior-kit/notebooks").toAbsolutePath(), k.work());
    }

    @Test
    void environmentOverridesEverything(@TempDir Path dir) {
        Knobs k = Knobs.from(Map.of("PRIOR_DEVICE", "cpu", "PRIOR_EPOCHS", "3", "PRIOR_MAX_STEPS", "0",
                "PRIOR_DATA_SCALE", "0.5", "PRIOR_DATA", "real", "PRIOR_WORK", "/tmp/w", "PRIOR_PRESET", "tiny",
                "PRIOR_RUN", "runs/run-all/pretrain-prior"), dir, dir);
        assertEquals("cpu", k.device());
        assertEquals("tiny", k.preset());
        assertEquals(dir.resolve("runs/run-all/pretrain-prior").toAbsolutePath(), k.run());
        assertEquals(3, k.epochs());
        assertEquals(0, k.maxSteps());
        assertEquals(0.5, k.dataScale());
        assertEquals(dir.resolve("real").toAbsolutePath(), k.data());
        assertTrue(k.realData());
        assertEquals(Path.of("/tmp/w"), k.work());
    }

    @Test
    void relativePathsStartAtTheRepositoryRoot(@TempDir Path dir) throws Exception {
        Path repo = fakeRepository(dir);
        // Jupyter starts the kernel in notebooks/; the paths a student types are from the repository root
        Knobs k = Knobs.from(Map.of("PRIOR_RUN", "runs/run-all/pretrain-prior", "PRIOR_DATA", "data/real"),
                repo.resolve("notebooks"), dir.resolve("home"));
        assertEquals(repo.resolve("runs/run-all/pretrain-prior").toAbsolutePath(), k.run());
        assertEquals(repo.resolve("data/real").toAbsolutePath(), k.data());
    }

    @Test
    void badValuesNameTheVariable(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Knobs.from(Map.of("PRIOR_EPOCHS", "many"), dir, dir));
        assertTrue(e.getMessage().contains("PRIOR_EPOCHS"));
        assertThrows(IllegalArgumentException.class, () -> Knobs.from(Map.of("PRIOR_EPOCHS", "-1"), dir, dir));
        assertThrows(IllegalArgumentException.class, () -> Knobs.from(Map.of("PRIOR_DATA_SCALE", "-1"), dir, dir));
    }

    /** A folder Knobs takes for the kit's repository (it has lib/pom.xml), with a notebooks/ folder. */
    private static Path fakeRepository(Path dir) throws java.io.IOException {
        Path repo = dir.resolve("kit");
        Files.createDirectories(repo.resolve("lib"));
        Files.writeString(repo.resolve("lib/pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("notebooks"));
        return repo;
    }
}
