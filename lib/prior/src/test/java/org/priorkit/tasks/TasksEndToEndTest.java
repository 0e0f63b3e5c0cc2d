package org.priorkit.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.priorkit.data.chexpert.ChexpertClasses;
import org.priorkit.data.split.DataFraction;
import org.priorkit.nn.StateDict;
import org.priorkit.pretrain.Checkpoint;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.tasks.classification.ClassificationConfig.Dataset;
import org.priorkit.tasks.classification.ClassificationConfig.Mode;
import org.priorkit.tasks.classification.ClassificationConfig;
import org.priorkit.tasks.classification.ClassificationResult;
import org.priorkit.tasks.classification.ClassificationTask;
import org.priorkit.tasks.classification.FineTune;
import org.priorkit.tasks.classification.LinearProbe;
import org.priorkit.tasks.retrieval.ImageTextRetrieval;
import org.priorkit.tasks.retrieval.ReportPool;
import org.priorkit.tasks.retrieval.RetrievalConfig;
import org.priorkit.tasks.retrieval.RetrievalResult;
import org.priorkit.tasks.zeroshot.ZeroShot;
import org.priorkit.tasks.zeroshot.ZeroShotConfig;
import org.priorkit.tasks.zeroshot.ZeroShotResult;
import org.priorkit.tasks.zeroshot.ZeroShotScoring;
import org.priorkit.text.tokenizer.Vocabulary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Every task end to end on the tiny synthetic set with a randomly initialised micro model. */
class TasksEndToEndTest {

    private static final Path DATA = TaskFixtures.tinyData();

    private static ClassificationConfig quick(Dataset dataset, Mode mode) {
        return ClassificationConfig.defaults(dataset, mode).withProbe(LinearProbe.Options.defaults().withEpochs(10))
                .withFineTune(new FineTune.Options(1, 8, 1e-3, 1e-2, 1e-4));
    }

    private static void assertSane(ClassificationResult r, int classes) {
        assertEquals(classes, r.classes().size());
        assertEquals(classes, r.perClassAuroc().length);
        assertEquals(r.testSize(), r.testScores().length);
        assertEquals(r.testSize(), r.testLabels().length);
        assertTrue(r.trainSize() > 0 && r.testSize() > 0);
        for (double[] row : r.testScores()) {
            for (double p : row) {
                assertTrue(p >= 0 && p <= 1, "probability " + p);
            }
        }
        for (double a : r.perClassAuroc()) {
            assertTrue(Double.isNaN(a) || (a >= 0 && a <= 1), "AUROC " + a);
        }
        assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1);
        assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= r.epochsRun());
    }

    @Test
    void linearProbeLeavesTheEncoderFrozen() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel tm = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            Map<String, float[]> before = TaskFixtures.values(tm.model());
            ClassificationResult r = ClassificationTask.run(tm, new TaskData(DATA),
                    quick(Dataset.CHEXPERT, Mode.LINEAR_PROBE), m);
            assertSane(r, 5);
            assertEquals(ChexpertClasses.COMPETITION, r.classes());
            assertEquals(10, r.testSize(), "the official valid.csv is the test set");
            Map<String, float[]> after = TaskFixtures.values(tm.model());
            before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed under a linear probe"));
        }
    }

    @Test
    void fineTuningChangesTheEncoder() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel tm = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            Map<String, float[]> before = TaskFixtures.values(tm.model().imageEncoder());
            ClassificationResult r = ClassificationTask.run(tm, new TaskData(DATA),
                    quick(Dataset.CHEXPERT, Mode.FINE_TUNE), m);
            assertSane(r, 5);
            Map<String, float[]> after = TaskFixtures.values(tm.model().imageEncoder());
            long changed = before.keySet().stream()
                    .filter(k -> !java.util.Arrays.equals(before.get(k), after.get(k))).count();
            assertTrue(changed > before.size() / 2, changed + " of " + before.size() + " encoder arrays changed");
        }
    }

    @Test
    void rsnaIsBinaryAndRunsAreSeeded() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel tm = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            ClassificationConfig c = quick(Dataset.RSNA, Mode.LINEAR_PROBE).withFraction(DataFraction.parse("50%"));
            ClassificationResult a = ClassificationTask.run(tm, new TaskData(DATA), c, m);
            ClassificationResult b = ClassificationTask.run(tm, new TaskData(DATA), c, m);
            assertSane(a, 1);
            assertEquals(List.of("Pneumonia"), a.classes());
            assertEquals(a.testIds(), b.testIds());
            for (int i = 0; i < a.testSize(); i++) {
                assertArrayEquals(a.testScores()[i], b.testScores()[i], 1e-6, "same seed, same scores");
            }
        }
    }

    @Test
    void probesSharingFrozenFeaturesMatchFreshOnesAndEncodeEachImageOnce() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel tm = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            TaskData data = new TaskData(DATA);
            FrozenFeatures shared = new FrozenFeatures(tm.model(), ImageFeature.BACKBONE, 7, m);
            for (String fraction : List.of("50%", "100%")) {
                ClassificationConfig c = quick(Dataset.RSNA, Mode.LINEAR_PROBE).withFraction(DataFraction.parse(fraction));
                ClassificationResult fresh = ClassificationTask.run(tm, data, c, m);
                ClassificationResult cached = ClassificationTask.run(tm, data, c, m, shared);
                assertEquals(fresh.trainSize(), cached.trainSize());
                assertEquals(fresh.testIds(), cached.testIds());
                for (int i = 0; i < fresh.testSize(); i++) {
                    assertArrayEquals(fresh.testScores()[i], cached.testScores()[i], 1e-6, fraction + " test image " + i);
                }
            }
            // 100% uses every RSNA image of the split, 50% a subset: each was encoded exactly once.
            assertEquals(data.rsna().size(), shared.encoded());
            // Order and repeats are kept, and repeated images are not encoded again.
            List<Path> images = data.rsna().stream().map(r -> r.image()).toList();
            List<Path> asked = List.of(images.get(2), images.get(0), images.get(2));
            float[][] got = shared.of(asked);
            float[][] direct = FeatureExtractor.features(tm.model(), asked, ImageFeature.BACKBONE, 3, m);
            for (int i = 0; i < asked.size(); i++) {
                for (int d = 0; d < direct[i].length; d++) { // batches of 3 vs 7: float rounding differs
                    assertEquals(direct[i][d], got[i][d], 1e-5 * Math.max(1, Math.abs(direct[i][d])), "row " + i);
                }
            }
            assertSame(got[0], got[2], "a repeated image is one cached row");
            assertEquals(data.rsna().size(), shared.encoded());
        }
    }

    @Test
    void zeroShotScoresAreGlobalPlusHalfLocal() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel tm = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            var entries = new TaskData(DATA).fiveBy200();
            ZeroShotResult r = ZeroShot.run(tm, entries, ZeroShotConfig.defaults(), m);
            int n = entries.size();
            assertEquals(15, n, "3 per class in the tiny set");
            assertEquals(n, r.predicted().length);
            long total = 0;
            for (long[] row : r.confusion()) {
                total += java.util.Arrays.stream(row).sum();
            }
            assertEquals(n, total);
            double[][] expected = ZeroShotScoring.combine(r.globalSimilarity(), r.localSimilarity(), r.globalScale(),
                    r.localScale(), 0.5);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], r.scores()[i], 1e-9);
                for (int c = 0; c < 5; c++) {
                    assertTrue(Math.abs(r.globalSimilarity()[i][c]) <= 1 + 1e-5);
                    double local = r.localSimilarity()[i][c]; // a mean of sigmoid attention weights
                    assertTrue(local > 0 && local < 1, "local similarity " + local);
                }
            }
            assertEquals(1 / 0.07, r.globalScale(), 1e-3, "the model's (untrained) global scale");
            assertEquals(1.0, r.localScale(), "the official code softmaxes the local term unscaled");
            assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1 && r.kappa() <= 1);
            assertTrue(r.summary().contains("Pleural Effusion"));
        }
    }

    @Test
    void retrievalRanksTheMimicPoolForEveryImage() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel tm = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            TaskData data = new TaskData(DATA);
            var pool = ReportPool.fromMimic(data.mimicPairs(), Set.of("train", "validate", "test"));
            assertFalse(pool.isEmpty());
            RetrievalConfig config = RetrievalConfig.defaults().withSplits(Set.of("train", "validate", "test"));
            RetrievalResult r = ImageTextRetrieval.run(tm, data.fiveBy200(), pool, config, m);
            assertEquals(15, r.queries());
            assertEquals(pool.size(), r.candidates());
            assertEquals(pool.size(), java.util.Arrays.stream(r.poolPerClass()).sum());
            assertEquals(List.of(1, 5, 10), List.copyOf(r.imageToText().keySet()));
            r.imageToText().forEach((k, v) -> assertTrue(k > pool.size() ? v.isNaN() : v >= 0 && v <= 1));
            r.textToImage().forEach((k, v) -> assertTrue(v >= 0 && v <= 1));
            assertFalse(r.examples().isEmpty());
            assertTrue(r.examples().get(0).hits().size() <= 5);
            assertFalse(r.examples().get(0).hits().get(0).sentences().isEmpty());
        }
    }

    @Test
    void aCheckpointLoadsWithItsVocabularyAndStage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel random = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            Map<String, NDArray> weights = new LinkedHashMap<>();
            StateDict.named(random.model()).forEach((k, p) -> weights.put(k, p.getArray()));
            Path file = dir.resolve("stage-2-prototype.ckpt");
            Checkpoint.write(file, new Checkpoint.State(1, "prototype", 5, 5, 10, 3, true, "micro", null), weights, Map.of());
            Vocabulary.of(random.tokenizer().vocabulary().tokens()).write(dir.resolve("vocab.txt"));
            TaskModel loaded = TaskModel.load(dir.resolve("stage-2-prototype.ckpt"), dir.resolve("vocab.txt"), true,
                    TaskFixtures.micro(), m);
            assertTrue(loaded.usePrototypes(), "stage 2 pools prototypes");
            Map<String, float[]> a = TaskFixtures.values(random.model());
            Map<String, float[]> b = TaskFixtures.values(loaded.model());
            a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
            assertEquals(file, RunFolder.checkpointIn(dir), "a run folder without last.ckpt: its latest stage");
        }
    }

    @Test
    void aRandomInitsImageEncoderDoesNotDependOnTheVocabulary(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            TaskModel sized = TaskModel.randomInit(TaskFixtures.micro(), DATA, m);
            assertNotEquals(TaskFixtures.micro().text().vocabSize(), sized.config().text().vocabSize());
            TaskModel noReports = TaskModel.randomInit(TaskFixtures.micro(), dir, m); // no MIMIC tree here
            assertNull(noReports.tokenizer());
            assertEquals(TaskFixtures.micro().text().vocabSize(), noReports.config().text().vocabSize());
            Map<String, float[]> a = TaskFixtures.values(sized.model().imageEncoder());
            Map<String, float[]> b = TaskFixtures.values(noReports.model().imageEncoder());
            a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
        }
    }

    @Test
    void entryPointsRunOnADataRootWithARandomInitTinyModel() throws Exception {
        ZeroShotResult z = ZeroShot.run(DATA, null, ZeroShotConfig.defaults());
        assertEquals(TaskModel.RANDOM_INIT, z.model());
        assertEquals(5, z.confusion().length);
        RetrievalResult r = ImageTextRetrieval.run(DATA, null,
                RetrievalConfig.defaults().withSplits(Set.of("train", "validate", "test")));
        assertEquals(15, r.queries());
        ClassificationResult c = ClassificationTask.run(DATA, null,
                quick(Dataset.CHEXPERT, Mode.LINEAR_PROBE).withFraction(DataFraction.TEN_PERCENT));
        assertTrue(c.trainPositives()[0] >= 1, "the fraction sample keeps positives");
    }
}
