package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.nn.StateDict;
import org.priorkit.train.MetricsLog;
import org.priorkit.train.TrainingDivergedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class StageTrainerTest {

    private static TrainOptions quiet(Path dir, int every) {
        return new TrainOptions(dir, every, 2, 3, 0, false, 1_000_000);
    }

    private static float[] weights(Objective<?> o) {
        return StateDict.named(o.block()).get("0.weight").getArray().toFloatArray();
    }

    @Test
    void stagesRunLossesFallAndCheckpointsAreWritten(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ToyRegression toy = new ToyRegression(m, -1);
            StageTrainer.Result r = StageTrainer.run(toy, ToyRegression.data(), ToyRegression.config(3), quiet(dir, 4), m);
            assertEquals(2, r.stages().size());
            assertEquals(18, r.stages().get(0).steps()); // 96 / 16 = 6 batches x 3 epochs
            assertTrue(Files.exists(dir.resolve("stage-1-align.ckpt")));
            assertTrue(Files.exists(dir.resolve("stage-2-prototype.ckpt")));
            List<Map<String, Object>> rows = MetricsLog.read(r.metrics());
            assertEquals(36, rows.size());
            double first = ((Number) rows.get(0).get("global")).doubleValue();
            double last = ((Number) rows.get(rows.size() - 1).get("global")).doubleValue();
            assertTrue(last < first / 10, "MSE did not fall: " + first + " -> " + last);
            assertTrue(rows.get(20).containsKey("local_image"), "stage 2 logs its extra term");
            assertFalse(rows.get(2).containsKey("local_image"), "stage 1 computes only its own terms");
            assertEquals(1, ((Number) rows.get(0).get("stage")).intValue());
        }
    }

    @Test
    void sameSeedSameWeights(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ToyRegression a = new ToyRegression(m, -1);
            StageTrainer.run(a, ToyRegression.data(), ToyRegression.config(2), quiet(dir.resolve("a"), 5), m);
            ToyRegression b = new ToyRegression(m, -1);
            StageTrainer.run(b, ToyRegression.data(), ToyRegression.config(2), quiet(dir.resolve("b"), 5), m);
            assertArrayEquals(weights(a), weights(b));
        }
    }

    @Test
    void crashedRunResumesToTheSameWeights(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ToyRegression straight = new ToyRegression(m, -1);
            StageTrainer.run(straight, ToyRegression.data(), ToyRegression.config(3), quiet(dir.resolve("straight"), 4), m);

            Path run = dir.resolve("crash");
            ToyRegression crashing = new ToyRegression(m, 22); // dies in stage 2, step 5
            assertThrows(IllegalStateException.class,
                    () -> StageTrainer.run(crashing, ToyRegression.data(), ToyRegression.config(3), quiet(run, 4), m));
            Checkpoint.Contents last;
            try (NDManager tmp = m.newSubManager()) {
                last = Checkpoint.read(tmp, run.resolve(RunFolder.LAST));
                assertEquals(1, last.state().stage()); // stage 2, 0-based
                assertEquals(4, last.state().stepInStage()); // the checkpoint before the crash
            }
            ToyRegression resumed = new ToyRegression(m, -1); // fresh weights: must come from the checkpoint
            StageTrainer.Result r = StageTrainer.run(resumed, ToyRegression.data(), ToyRegression.config(3), quiet(run, 4), m);
            assertEquals(22, r.resumedFromStep());
            assertArrayEquals(weights(straight), weights(resumed), 1e-6f);
            List<Map<String, Object>> rows = MetricsLog.read(r.metrics());
            assertEquals(36, rows.size(), "steps logged after the checkpoint are not duplicated");
        }
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointLogsEveryStepOnce(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("early");
        Files.createDirectories(run);
        List<String> killed = new java.util.ArrayList<>();
        for (int step = 1; step <= 18; step++) { // what a run killed at step 18 (checkpoints every 50) left
            killed.add("{\"step\":" + step + ",\"stage\":1,\"global\":1.0}");
        }
        killed.add("{\"step\":19,\"sta"); // and the line the kill cut short
        Files.write(run.resolve(RunFolder.METRICS), killed);
        try (NDManager m = NDManager.newBaseManager()) {
            StageTrainer.Result r = StageTrainer.run(new ToyRegression(m, -1), ToyRegression.data(),
                    ToyRegression.config(3), quiet(run, 50), m);
            assertEquals(-1, r.resumedFromStep(), "no checkpoint: a fresh run");
            List<Map<String, Object>> rows = MetricsLog.read(r.metrics());
            assertEquals(36, rows.size(), "18 + 18 steps, each once");
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i + 1, ((Number) rows.get(i).get("step")).intValue());
            }
        }
    }

    @Test
    void nanLossNamesTheTermAndStep(@TempDir Path dir) {
        try (NDManager m = NDManager.newBaseManager()) {
            ToyRegression toy = new ToyRegression(m, -1);
            var config = ToyRegression.config(2).withStages(List.of(new org.priorkit.config.StageConfig(
                    "align", 2, 1e30, 0, 0, Map.of("global", 1.0), false)));
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> StageTrainer.run(toy, ToyRegression.data(), config, quiet(dir, 100), m));
            assertTrue(e.getMessage().contains("'global'") && e.getMessage().contains("stage 'align' step"), e.getMessage());
        }
    }

    @Test
    void killMinus9LosesOnlyTheStepsSinceTheLastCheckpoint(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("killed");
        Process child = startToy(run, 40, 7);
        Path metrics = run.resolve(RunFolder.METRICS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(metrics) < 60) { // wait until it is well into the run, then kill it hard
            assertTrue(child.isAlive(), "the run ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "the run did not log 60 steps in 120 s");
            Thread.onSpinWait();
        }
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        long logged = lines(metrics);
        long checkpointed;
        try (NDManager m = NDManager.newBaseManager()) {
            checkpointed = Checkpoint.read(m, run.resolve(RunFolder.LAST)).state().globalStep();
        }
        assertTrue(logged - checkpointed <= 7 + 1, "lost more than one checkpoint interval: logged "
                + logged + ", checkpoint at " + checkpointed);

        Process again = startToy(run, 40, 7);
        assertTrue(again.waitFor(300, TimeUnit.SECONDS), "the resumed run did not finish");
        String out = new String(again.getInputStream().readAllBytes());
        assertEquals(0, again.exitValue(), out);
        assertTrue(out.contains("resuming from"), out);
        assertEquals(2 * 40 * 6, lines(metrics), "every step logged exactly once");

        try (NDManager m = NDManager.newBaseManager()) {
            ToyRegression straight = new ToyRegression(m, -1);
            StageTrainer.run(straight, ToyRegression.data(), ToyRegression.config(40), quiet(dir.resolve("straight"), 7), m);
            float[] killedThenResumed = Checkpoint.read(m, run.resolve(RunFolder.LAST)).model().get("0.weight").toFloatArray();
            assertArrayEquals(weights(straight), killedThenResumed, 1e-6f);
        }
    }

    private static Process startToy(Path run, int epochs, int every) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), ToyRegression.class.getName(),
                run.toString(), Integer.toString(epochs), Integer.toString(every))
                .redirectErrorStream(true).start();
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var s = Files.lines(file)) {
            return s.filter(l -> l.endsWith("}")).count();
        }
    }
}
