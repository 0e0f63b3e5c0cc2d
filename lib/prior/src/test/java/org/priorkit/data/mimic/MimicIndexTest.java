package org.priorkit.data.mimic;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimicIndexTest {

    @Test
    void buildsOnePairPerStudyWithPaPreferredAndShortReportsDropped(@TempDir Path root) throws Exception {
        MimicLayout layout = MimicTree.standard(root).write(true);
        LoadedRecords<MimicPair> l = MimicIndex.load(MimicIndex.Options.prior(layout));
        assertEquals(List.of("aaa-pa", "ggg-ap"), l.records().stream().map(MimicPair::dicomId).toList());
        MimicPair p = l.records().get(0);
        assertEquals(root.resolve("mimic-cxr-jpg/2.0.0/files/p10/p10000032/s50414267/aaa-pa.jpg"), p.image());
        assertEquals("train", p.split());
        assertEquals(List.of("No acute cardiopulmonary process.", "The lungs are clear.",
                "There is no pleural effusion.", "The heart size is normal."), p.sentences());
        assertEquals(-1f, p.labels().get("Edema"));
        assertEquals(null, p.labels().get("Cardiomegaly"));  // blank
        assertEquals(List.of("One.", "Two.", "Three.", "Four."), l.records().get(1).sentences());
        assertEquals(7L, l.counts().get("metadata rows"));
        assertEquals(4L, l.counts().get("studies"));
        assertEquals(1L, l.counts().get("studies without a frontal (PA/AP) image"));
        assertEquals(1L, l.counts().get("reports shorter than 4 sentences"));
    }

    @Test
    void readsPlainCsvTablesToo(@TempDir Path root) throws Exception {
        MimicLayout layout = MimicTree.standard(root).write(false);
        assertEquals(2, MimicIndex.load(MimicIndex.Options.prior(layout)).records().size());
        // and finds the tree from the mimic-cxr-jpg/2.0.0 folder itself
        assertEquals(layout, MimicLayout.find(root.resolve("mimic-cxr-jpg/2.0.0")));
    }

    @Test
    void missingReportFailsNamingItOrIsSkipped(@TempDir Path root) throws Exception {
        MimicLayout layout = MimicTree.standard(root).write(true);
        Files.delete(layout.report(19999999, 59999999));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout)));
        assertTrue(e.getMessage().contains("s59999999.txt") && e.getMessage().contains("not found"), e.getMessage());
        LoadedRecords<MimicPair> l = MimicIndex.load(MimicIndex.Options.prior(layout).skipping(true));
        assertEquals(1, l.records().size());
        assertEquals(1, l.skips().skipped());
    }

    @Test
    void reportWithoutSectionsOrWithoutImpressionAndFindingsIsAnError(@TempDir Path root) throws Exception {
        MimicLayout layout = MimicTree.standard(root)
                .report(19999999, 59999999, "FINAL REPORT\n the lungs are clear.\n").write(true);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout)));
        assertTrue(e.getMessage().contains("s59999999.txt") && e.getMessage().contains("no section headers"));
        MimicTree.standard(root).report(19999999, 59999999, " FINAL REPORT\n INDICATION: cough\n").write(true);
        DataFormatException e2 = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout)));
        assertTrue(e2.getMessage().contains("neither an IMPRESSION nor a FINDINGS"), e2.getMessage());
    }

    @Test
    void missingImageIsAnError(@TempDir Path root) throws Exception {
        MimicLayout layout = MimicTree.standard(root).write(true);
        Files.delete(layout.image(10000032, 50414267, "aaa-pa"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout)));
        assertTrue(e.getMessage().contains("aaa-pa.jpg") && e.getMessage().contains("image file not found"));
    }

    @Test
    void malformedMetadataRowNamesItsLineAndIsSkippable(@TempDir Path root) throws Exception {
        MimicTree tree = MimicTree.standard(root);
        tree.metadata.append("broken-row,10000099\n");  // line 9: two fields instead of twelve
        MimicLayout layout = tree.write(true);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout)));
        assertTrue(e.getMessage().contains("mimic-cxr-2.0.0-metadata.csv.gz, line 9"), e.getMessage());
        LoadedRecords<MimicPair> l = MimicIndex.load(MimicIndex.Options.prior(layout).skipping(true));
        assertEquals(2, l.records().size());
        assertEquals(1, l.skips().skipped());
    }

    @Test
    void splitTableWithoutSplitColumnIsAnError(@TempDir Path root) throws Exception {
        MimicTree tree = MimicTree.standard(root);
        tree.split.replace(0, tree.split.indexOf("\n"), "dicom_id,study_id,subject_id,fold");
        MimicLayout layout = tree.write(true);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout).skipping(true)));
        assertTrue(e.getMessage().contains("split.csv.gz") && e.getMessage().contains("missing column 'split'"),
                e.getMessage());
    }

    @Test
    void unknownSplitValueIsABadRecord(@TempDir Path root) throws Exception {
        MimicTree tree = MimicTree.standard(root);
        int at = tree.split.indexOf("ggg-ap");
        tree.split.replace(tree.split.indexOf("test", at), tree.split.indexOf("test", at) + 4, "holdout");
        MimicLayout layout = tree.write(true);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> MimicIndex.load(MimicIndex.Options.prior(layout)));
        assertTrue(e.getMessage().contains("column 'split'") && e.getMessage().contains("holdout"), e.getMessage());
    }

    @Test
    void datasetHandsPairsToThePluggedEncoder(@TempDir Path root) throws Exception {
        List<MimicPair> pairs = MimicIndex.load(MimicIndex.Options.prior(MimicTree.standard(root).write(true))).records();
        MimicPairsDataset ds = MimicPairsDataset.builder().setRecords(pairs)
                .optImageLoader(new ImageLoader(ImageSources.defaults(), 6, 6, Normalization.PRIOR))
                .optPairEncoder((m, pair, image) -> new NDList(image, m.create(new int[] {pair.sentences().size()})))
                .setSampling(2, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            Record r = ds.get(m, 0);
            assertEquals(new Shape(1, 6, 6), r.getData().get(0).getShape());
            assertArrayEquals(new int[] {4}, r.getData().get(1).toIntArray());
            float[] labels = r.getLabels().head().toFloatArray();
            assertEquals(14, labels.length);
            assertEquals(1f, labels[MimicIndex.LABELS.indexOf("Edema")]);  // -1 -> 1 under peers' policy
            assertEquals(0f, labels[MimicIndex.LABELS.indexOf("Cardiomegaly")]);  // blank -> 0
        }
    }
}
