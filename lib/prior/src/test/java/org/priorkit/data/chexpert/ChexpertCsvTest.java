package org.priorkit.data.chexpert;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.TestImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChexpertCsvTest {

    static final String HEADER = "Path,Sex,Age,Frontal/Lateral,AP/PA,No Finding,Enlarged Cardiomediastinum,"
            + "Cardiomegaly,Lung Opacity,Lung Lesion,Edema,Consolidation,Pneumonia,Atelectasis,Pneumothorax,"
            + "Pleural Effusion,Pleural Other,Fracture,Support Devices\n";

    /** Writes chexpert/CheXpert-v1.0-small/train.csv with the given rows and an image per row. */
    static Path tree(Path root, String... rows) throws Exception {
        Path small = Files.createDirectories(root.resolve("chexpert/CheXpert-v1.0-small"));
        for (String row : rows) {
            String path = row.substring(0, row.indexOf(','));
            Path img = root.resolve("chexpert").resolve(path);
            Files.createDirectories(img.getParent());
            TestImages.gray(img, 8, 6);
        }
        return Files.writeString(small.resolve("train.csv"), HEADER + String.join("\n", rows) + "\n");
    }

    //   columns after AP/PA: NoF,EnlCM,Cardio,LungOp,LungLes,Edema,Consol,Pneumonia,Atel,PTX,PlEff,PlOther,Fract,SupDev
    static final String ATELECTASIS = "CheXpert-v1.0-small/train/patient00001/study1/view1_frontal.jpg,Female,68,Frontal,AP,,,,,,,,,1.0,,,,,";
    static final String LATERAL = "CheXpert-v1.0-small/train/patient00001/study1/view2_lateral.jpg,Female,68,Lateral,,,,,,,,,,1.0,,,,,";
    static final String UNCERTAIN = "CheXpert-v1.0-small/train/patient00002/study1/view1_frontal.jpg,Male,40,Frontal,PA,,,-1.0,,,-1.0,0.0,,,,1.0,,,";
    static final String EDEMA_DEVICE = "CheXpert-v1.0-small/train/patient00003/study1/view1_frontal.jpg,Male,55,Frontal,AP,,,,,,1.0,,,,,,,,1.0";
    static final String EDEMA = "CheXpert-v1.0-small/train/patient00004/study2/view1_frontal.jpg,Male,55,Frontal,AP,0.0,,,,,1.0,,,,,,,,0.0";

    @Test
    void readsFrontalRowsWithRawLabelsAndResolvedPaths(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS, LATERAL, UNCERTAIN);
        LoadedRecords<ChexpertRecord> l = ChexpertCsv.read(csv, ChexpertCsv.Options.defaults());
        assertEquals(2, l.records().size());
        assertEquals(3L, l.counts().get("rows"));
        assertEquals(1L, l.counts().get("lateral rows left out"));
        ChexpertRecord a = l.records().get(0);
        assertEquals(root.resolve("chexpert/CheXpert-v1.0-small/train/patient00001/study1/view1_frontal.jpg")
                .toAbsolutePath(), a.image());
        assertEquals("patient00001", a.patientId());
        assertEquals(68, a.age());
        assertEquals(1f, a.raw("Atelectasis"));
        assertNull(a.raw("Edema"));  // blank stays blank until a policy says otherwise
        assertEquals(-1f, l.records().get(1).raw("Cardiomegaly"));
    }

    @Test
    void labelPoliciesTreatBlankAndUncertainAsConfigured(@TempDir Path root) throws Exception {
        ChexpertRecord u = ChexpertCsv.read(tree(root, UNCERTAIN), ChexpertCsv.Options.defaults()).records().get(0);
        // competition order: Atelectasis, Cardiomegaly, Consolidation, Edema, Pleural Effusion
        assertArrayEquals(new float[] {0, 0, 0, 1, 1}, LabelPolicy.peers().apply(ChexpertClasses.COMPETITION, u.labels()));
        assertArrayEquals(new float[] {0, 1, 0, 1, 1}, LabelPolicy.uOnes().apply(ChexpertClasses.COMPETITION, u.labels()));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1}, LabelPolicy.uZeros().apply(ChexpertClasses.COMPETITION, u.labels()));
        assertEquals(1f, LabelPolicy.peers().apply("Atelectasis", -1f));
        assertEquals(0f, LabelPolicy.peers().apply("Consolidation", -1f));
    }

    @Test
    void missingColumnIsNamed(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS);
        Files.writeString(csv, Files.readString(csv).replace("Frontal/Lateral,", "View,"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()));
        assertTrue(e.getMessage().contains("train.csv") && e.getMessage().contains("missing column 'Frontal/Lateral'"),
                e.getMessage());
    }

    @Test
    void malformedRowFailsWithItsLineOrIsSkippedAndCounted(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS, "CheXpert-v1.0-small/train/patient9/study1/view1_frontal.jpg,Male,3",
                EDEMA);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("3 field(s)"), e.getMessage());

        LoadedRecords<ChexpertRecord> l = ChexpertCsv.read(csv, ChexpertCsv.Options.defaults().skipping(true));
        assertEquals(2, l.records().size());
        assertEquals(1, l.skips().skipped());
        assertTrue(l.skips().firstReasons().get(0).contains("line 3"));
    }

    @Test
    void badLabelValueAndBadAgeNameTheirColumn(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS.replace(",1.0,", ",2,"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()));
        assertTrue(e.getMessage().contains("line 2, column 'Atelectasis'"), e.getMessage());
        Path csv2 = tree(root.resolve("b"), ATELECTASIS.replace(",68,", ",sixty,"));
        DataFormatException e2 = assertThrows(DataFormatException.class,
                () -> ChexpertCsv.read(csv2, ChexpertCsv.Options.defaults()));
        assertTrue(e2.getMessage().contains("column 'Age'"), e2.getMessage());
    }

    @Test
    void missingImageIsAnErrorOrASkip(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS, EDEMA);
        Files.delete(root.resolve("chexpert/CheXpert-v1.0-small/train/patient00004/study2/view1_frontal.jpg"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()));
        assertTrue(e.getMessage().contains("image file not found") && e.getMessage().contains("patient00004"));
        assertEquals(1, ChexpertCsv.read(csv, ChexpertCsv.Options.defaults().skipping(true)).records().size());
    }

    @Test
    void fiveBy200FollowsPeersRuleAndRoundTripsThroughJson(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS, LATERAL, UNCERTAIN, EDEMA_DEVICE, EDEMA);
        List<ChexpertRecord> all = ChexpertCsv.read(csv, new ChexpertCsv.Options(false, true, false)).records();
        List<FiveBy200Entry> picked = Chexpert5x200.select(all, 200, 42);
        // ATELECTASIS (blank = 0) and EDEMA ("No Finding" 0 is free) qualify; the lateral, the
        // uncertain row and the Edema row with a support device do not.
        assertEquals(List.of("train/patient00001/study1/view1_frontal.jpg", "train/patient00004/study2/view1_frontal.jpg"),
                picked.stream().map(FiveBy200Entry::imagePath).toList());
        assertEquals(List.of("Atelectasis", "Edema"), picked.stream().map(FiveBy200Entry::className).toList());
        assertEquals(List.of("0", "1"), picked.stream().map(FiveBy200Entry::key).toList());

        Path json = root.resolve("chexpert/chexpert_5x200.json");
        Chexpert5x200.write(json, picked);
        assertTrue(Files.readString(json).contains("\"label\":[0,0,0,1,0]"));
        LoadedRecords<FiveBy200Entry> back = Chexpert5x200.read(json, csv.getParent(), true, false);
        assertEquals(picked.stream().map(FiveBy200Entry::imagePath).toList(),
                back.records().stream().map(FiveBy200Entry::imagePath).toList());
        assertEquals(1L, back.counts().get("Edema"));
    }

    @Test
    void fiveBy200SamplingIsSeeded() {
        List<ChexpertRecord> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new ChexpertRecord("CheXpert-v1.0-small/train/patient" + i + "/study1/view1_frontal.jpg",
                    Path.of("x" + i), "patient" + i, "Male", 50, true, "AP", java.util.Map.of("Edema", 1f)));
        }
        List<FiveBy200Entry> a = Chexpert5x200.select(many, 10, 1);
        assertEquals(10, a.size());
        assertEquals(a, Chexpert5x200.select(many, 10, 1));
        assertFalse(a.equals(Chexpert5x200.select(many, 10, 2)));
    }

    @Test
    void fiveBy200JsonErrorsNameTheKeyAndField(@TempDir Path root) throws Exception {
        Path json = Files.writeString(root.resolve("5x200.json"),
                "{\"0\": {\"image_path\": \"train/p/s/v.jpg\", \"label\": [1,0,0,1,0]},"
                        + " \"1\": {\"label\": [1,0,0,0,0]}}");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> Chexpert5x200.read(json, root, false, false));
        assertTrue(e.getMessage().contains("key \"0\", field label") && e.getMessage().contains("more than one"),
                e.getMessage());
        LoadedRecords<FiveBy200Entry> skipped = Chexpert5x200.read(json, root, false, true);
        assertEquals(2, skipped.skips().skipped());
        assertTrue(skipped.skips().firstReasons().get(1).contains("key \"1\", field image_path"));
        Path broken = Files.writeString(root.resolve("broken.json"), "{\"0\": ");
        assertThrows(DataFormatException.class, () -> Chexpert5x200.read(broken, root, false, true));
    }

    @Test
    void datasetsServeNormalisedImagesAndTargets(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS, UNCERTAIN, EDEMA);
        List<ChexpertRecord> records = ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()).records();
        ImageLoader loader = new ImageLoader(ImageSources.defaults(), 4, 4, Normalization.PRIOR);
        ChexpertDataset ds = ChexpertDataset.builder().setRecords(records).optImageLoader(loader)
                .setSampling(3, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            Record r = ds.get(m, 1);
            assertEquals(new Shape(1, 4, 4), r.getData().head().getShape());
            assertArrayEquals(new float[] {0, 0, 0, 1, 1}, r.getLabels().head().toFloatArray());
            Batch b = ds.getData(m).iterator().next();
            assertEquals(new Shape(3, 1, 4, 4), b.getData().head().getShape());
            assertEquals(new Shape(3, 5), b.getLabels().head().getShape());
            b.close();
            // pixel values are normalised: (x - 0.4755) / 0.3011 lies within [-1.58, 1.75]
            float[] px = r.getData().head().toFloatArray();
            for (float v : px) {
                assertTrue(v >= -1.58f && v <= 1.75f, "value " + v);
            }
        }
    }

    @Test
    void corruptImageFailsWhenFetchedOrIsDroppedAtBuild(@TempDir Path root) throws Exception {
        Path csv = tree(root, ATELECTASIS, EDEMA);
        List<ChexpertRecord> records = ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()).records();
        Files.writeString(records.get(0).image(), "garbage");
        ImageLoader loader = new ImageLoader(ImageSources.defaults(), 4, 4, Normalization.PRIOR);
        ChexpertDataset strict = ChexpertDataset.builder().setRecords(records).optImageLoader(loader)
                .setSampling(1, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> strict.get(m, 0));
            assertTrue(e.getMessage().contains("patient00001"), e.getMessage());
        }
        ChexpertDataset lenient = ChexpertDataset.builder().setRecords(records).optImageLoader(loader)
                .optSkipBadImages(true).setSampling(1, false).build();
        assertEquals(1, lenient.size());
        assertEquals(1, lenient.imageSkips().skipped());
        Chexpert5x200Dataset five = Chexpert5x200Dataset.builder()
                .setRecords(List.of(new FiveBy200Entry("0", "x", records.get(1).image(), 3)))
                .optImageLoader(loader).setSampling(1, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            assertArrayEquals(new float[] {0, 0, 0, 1, 0}, five.get(m, 0).getLabels().head().toFloatArray());
        }
    }
}
