package org.priorkit.tasks.retrieval;

import org.junit.jupiter.api.Test;
import org.priorkit.data.chexpert.FiveBy200Entry;
import org.priorkit.data.mimic.MimicPair;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Retrieval scoring and the report pool on constructed cases whose answers are known. */
class RetrievalTest {

    @Test
    void precisionAtKOnAConstructedCase() {
        // two query images (classes 0 and 1) and four reports; query 0 ranks r0 (class 0), r1 (class 0),
        // r3 (class 1), r2 (class 1); query 1 ranks r2 (class 1), r0 (class 0), ...
        float[][] images = {{1, 0}, {0, 1}};
        float[][] reports = {{1, 0.05f}, {0.9f, 0.3f}, {0, 1}, {0.5f, 0.5f}};
        int[] imageClass = {0, 1};
        int[] reportClass = {0, 0, 1, 1};
        double[][] s = ImageTextRetrieval.cosine(images, reports);
        assertEquals(1.0, s[1][2], 1e-9);
        Map<Integer, Double> p = ImageTextRetrieval.precision(s, imageClass, reportClass, List.of(1, 2, 3, 5));
        assertEquals(1.0, p.get(1), 1e-12); // q0 -> r0 (right), q1 -> r2 (right)
        // top 2: q0 {r0, r1} both right; q1 {r2, r3} both right
        assertEquals(1.0, p.get(2), 1e-12);
        // top 3: q0 {r0, r1, r3}: 2 of 3; q1 {r2, r3, r1}: 2 of 3
        assertEquals(2.0 / 3, p.get(3), 1e-12);
        assertTrue(p.get(5).isNaN(), "K above the pool size");
    }

    @Test
    void examplesShowEachClassFirstQueryWithItsBestReports() {
        List<FiveBy200Entry> queries = List.of(new FiveBy200Entry("0", "a.jpg", Path.of("a.jpg"), 0),
                new FiveBy200Entry("1", "b.jpg", Path.of("b.jpg"), 0),
                new FiveBy200Entry("2", "c.jpg", Path.of("c.jpg"), 3));
        List<PoolReport> pool = List.of(new PoolReport("s1", 0, List.of("Atelectasis.")),
                new PoolReport("s2", 3, List.of("Edema.")));
        double[][] scores = {{0.1, 0.9}, {0.5, 0.5}, {0.2, 0.8}};
        var ex = ImageTextRetrieval.examples(queries, pool, scores, RetrievalConfig.defaults());
        assertEquals(2, ex.size());
        assertEquals("a.jpg", ex.get(0).image());
        assertEquals("s2", ex.get(0).hits().get(0).reportId());
        assertEquals("Edema", ex.get(0).hits().get(0).className());
        assertEquals("c.jpg", ex.get(1).image());
    }

    @Test
    void poolKeepsSingleLabelReportsOfTheChosenSplitsOncePerStudy() {
        Path img = Path.of("x.jpg");
        List<String> text = List.of("One.", "Two.");
        List<MimicPair> pairs = List.of(
                new MimicPair("d1", 10000001, 50000001, img, "test", text, Map.of("Edema", 1f, "Atelectasis", 0f)),
                new MimicPair("d2", 10000001, 50000001, img, "test", text, Map.of("Edema", 1f)), // same study
                new MimicPair("d3", 10000002, 50000002, img, "test", text, Map.of("Edema", 1f, "Cardiomegaly", 1f)),
                new MimicPair("d4", 10000003, 50000003, img, "test", text, Map.of("Edema", 1f, "Consolidation", -1f)),
                new MimicPair("d5", 10000004, 50000004, img, "train", text, Map.of("Cardiomegaly", 1f)),
                new MimicPair("d6", 10000005, 50000005, img, "test", text, Map.of("Pneumonia", 1f)),
                new MimicPair("d7", 10000006, 50000006, img, "test", text,
                        Map.of("Pleural Effusion", 1f, "Pneumonia", 1f)));
        List<PoolReport> pool = ReportPool.fromMimic(pairs, Set.of("test"));
        assertEquals(List.of("s50000001", "s50000006"), pool.stream().map(PoolReport::id).toList());
        assertEquals(3, pool.get(0).classIndex());
        assertEquals(4, pool.get(1).classIndex(), "other (non-competition) labels are free");
        assertEquals(List.of("s50000001", "s50000004", "s50000006"),
                ReportPool.fromMimic(pairs, Set.of("test", "train")).stream().map(PoolReport::id).toList());
    }
}
