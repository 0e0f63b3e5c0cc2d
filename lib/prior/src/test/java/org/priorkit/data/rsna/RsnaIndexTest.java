package org.priorkit.data.rsna;

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
import org.priorkit.data.image.TestImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RsnaIndexTest {

    static final RsnaIndex.Options PNG = new RsnaIndex.Options("png", true, false);

    static Path tree(Path dir, String labelRows, String... ids) throws Exception {
        Files.createDirectories(dir.resolve("stage_2_train_images"));
        StringBuilder classes = new StringBuilder("patientId,class\n");
        for (String id : ids) {
            TestImages.gray(dir.resolve("stage_2_train_images/" + id + ".png"), 20, 10);
            classes.append(id).append(id.startsWith("pos") ? ",Lung Opacity\n" : ",Normal\n");
        }
        Files.writeString(dir.resolve("stage_2_train_labels.csv"), "patientId,x,y,width,height,Target\n" + labelRows);
        Files.writeString(dir.resolve("stage_2_detailed_class_info.csv"), classes.toString());
        return dir;
    }

    @Test
    void groupsBoxRowsPerPatientWithClassInfo(@TempDir Path dir) throws Exception {
        tree(dir, "neg1,,,,,0\npos1,2,4,3,6,1\npos1,5.5,1,2,2,1\n", "neg1", "pos1");
        LoadedRecords<RsnaRecord> l = RsnaIndex.load(dir, PNG);
        assertEquals(2, l.records().size());
        RsnaRecord neg = l.records().get(0);
        RsnaRecord pos = l.records().get(1);
        assertEquals(0, neg.target());
        assertEquals(List.of(), neg.boxes());
        assertEquals("Normal", neg.detailedClass());
        assertEquals(List.of(new RsnaBox(2, 4, 3, 6), new RsnaBox(5.5f, 1, 2, 2)), pos.boxes());
        assertEquals("Lung Opacity", pos.detailedClass());
        assertEquals(3L, l.counts().get("label rows"));
    }

    @Test
    void inconsistentOrMalformedRowsNameTheirLine(@TempDir Path dir) throws Exception {
        tree(dir, "pos1,2,4,3,6,1\npos1,,,,,0\n", "pos1");
        DataFormatException e = assertThrows(DataFormatException.class, () -> RsnaIndex.load(dir, PNG));
        assertTrue(e.getMessage().contains("line 3, column 'Target'") && e.getMessage().contains("line 2"),
                e.getMessage());
        tree(dir, "pos1,2,4,-3,6,1\n", "pos1");
        DataFormatException e2 = assertThrows(DataFormatException.class, () -> RsnaIndex.load(dir, PNG));
        assertTrue(e2.getMessage().contains("width, height > 0"), e2.getMessage());
        tree(dir, "neg1,1,1,1,1,0\n", "neg1");
        assertThrows(DataFormatException.class, () -> RsnaIndex.load(dir, PNG));
        tree(dir, "pos1,2,4,3,,1\n", "pos1");
        DataFormatException e4 = assertThrows(DataFormatException.class, () -> RsnaIndex.load(dir, PNG));
        assertTrue(e4.getMessage().contains("column 'height': is blank"), e4.getMessage());
    }

    @Test
    void aPatientWithOneBadBoxRowIsDroppedWholeWhenSkipping(@TempDir Path dir) throws Exception {
        tree(dir, "pos1,2,4,3,6,1\npos1,2,4,x,6,1\nneg1,,,,,0\n", "pos1", "neg1");
        LoadedRecords<RsnaRecord> l = RsnaIndex.load(dir, PNG.skipping(true));
        assertEquals(List.of("neg1"), l.records().stream().map(RsnaRecord::patientId).toList());
        assertEquals(1, l.skips().skipped());
        assertTrue(l.skips().firstReasons().get(0).contains("line 3, column 'width'"));
    }

    @Test
    void missingImageAndMissingClassFile(@TempDir Path dir) throws Exception {
        tree(dir, "neg1,,,,,0\n", "neg1");
        Files.delete(dir.resolve("stage_2_train_images/neg1.png"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RsnaIndex.load(dir, PNG));
        assertTrue(e.getMessage().contains("neg1.png") && e.getMessage().contains("not found"));
        Files.delete(dir.resolve("stage_2_detailed_class_info.csv"));
        DataFormatException e2 = assertThrows(DataFormatException.class,
                () -> RsnaIndex.load(dir, PNG.skipping(true)));
        assertTrue(e2.getMessage().contains("stage_2_detailed_class_info.csv"));
    }

    @Test
    void datasetScalesBoxesWithTheImageAndCanPad(@TempDir Path dir) throws Exception {
        tree(dir, "pos1,2,4,3,6,1\nneg1,,,,,0\n", "pos1", "neg1");  // images are 20 rows x 10 columns
        List<RsnaRecord> records = RsnaIndex.load(dir, PNG).records();
        ImageLoader to10x5 = new ImageLoader(ImageSources.defaults(), 10, 5, Normalization.PRIOR);
        RsnaDataset ds = RsnaDataset.builder().setRecords(records).optImageLoader(to10x5).setSampling(1, false).build();
        RsnaDataset padded = RsnaDataset.builder().setRecords(records).optImageLoader(to10x5).optMaxBoxes(4)
                .setSampling(2, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            Record r = ds.get(m, 0);
            assertEquals(new Shape(1, 10, 5), r.getData().head().getShape());
            assertArrayEquals(new float[] {1}, r.getLabels().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 2, 1.5f, 3}, r.getLabels().get(1).toFloatArray());
            assertEquals(new Shape(0, 4), ds.get(m, 1).getLabels().get(1).getShape());
            var batch = padded.getData(m).iterator().next();
            assertEquals(new Shape(2, 4, 4), batch.getLabels().get(1).getShape());
            batch.close();
        }
    }
}
