package org.priorkit.data.siim;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiimIndexTest {

    static final SiimIndex.Options PNG = new SiimIndex.Options("png", 0, 0, true, false);

    /** train-rle.csv with the real header quirk plus 4x4 PNG images in study/series folders. */
    static Path tree(Path dir, String header, String rows, String... imageIds) throws Exception {
        for (String id : imageIds) {
            Path f = dir.resolve("dicom-images-train/1.2.276.0.7230010.3.1.2." + id + "/1.2.276.0.7230010.3.1.3."
                    + id + "/" + id + ".png");
            Files.createDirectories(f.getParent());
            TestImages.gray(f, 4, 4);
        }
        Files.writeString(dir.resolve("train-rle.csv"), header + "\n" + rows);
        return dir;
    }

    @Test
    void groupsRowsPerImageAndFindsFilesInStudySeriesFolders(@TempDir Path dir) throws Exception {
        tree(dir, "ImageId, EncodedPixels", "a, -1\nb, 0 2\nb, 14 2\n", "a", "b");
        LoadedRecords<SiimRecord> l = SiimIndex.load(dir, PNG);
        assertEquals(List.of("a", "b"), l.records().stream().map(SiimRecord::imageId).toList());
        assertFalse(l.records().get(0).positive());
        assertEquals(List.of("0 2", "14 2"), l.records().get(1).encodedPixels());
        assertTrue(l.records().get(1).image().toString().endsWith("1.2.276.0.7230010.3.1.3.b/b.png"));
        assertEquals(3L, l.counts().get("mask rows"));
        assertEquals(1L, l.counts().get("images with pneumothorax"));
    }

    /** dicom-images-train linked in from elsewhere was read as an empty folder. */
    @Test
    void aSymlinkedImageFolderIsFollowed(@TempDir Path dir) throws Exception {
        Path real = tree(dir.resolve("real"), "ImageId, EncodedPixels", "a, -1\nb, 0 2\n", "a", "b");
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.copy(real.resolve("train-rle.csv"), linked.resolve("train-rle.csv"));
        Files.createSymbolicLink(linked.resolve(SiimIndex.IMAGES), real.resolve(SiimIndex.IMAGES));
        LoadedRecords<SiimRecord> l = SiimIndex.load(linked, PNG);
        assertEquals(2, l.records().size());
        assertEquals(2L, l.counts().get("image files on disk"));
    }

    @Test
    void headerWithoutTheSpaceIsFineMissingColumnIsNamed(@TempDir Path dir) throws Exception {
        tree(dir, "ImageId,EncodedPixels", "a,-1\n", "a");
        assertEquals(1, SiimIndex.load(dir, PNG).records().size());
        Files.writeString(dir.resolve("train-rle.csv"), "ImageId, Pixels\na, -1\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SiimIndex.load(dir, PNG));
        assertTrue(e.getMessage().contains("train-rle.csv") && e.getMessage().contains("missing column 'EncodedPixels'"),
                e.getMessage());
    }

    @Test
    void badRleNamesLineAndColumnOrIsSkipped(@TempDir Path dir) throws Exception {
        tree(dir, "ImageId, EncodedPixels", "a, -1\nb, 1 2 3\n", "a", "b");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SiimIndex.load(dir, PNG));
        assertTrue(e.getMessage().contains("line 3, column ' EncodedPixels'") && e.getMessage().contains("odd count"),
                e.getMessage());
        LoadedRecords<SiimRecord> l = SiimIndex.load(dir, PNG.skipping(true));
        assertEquals(1, l.records().size());
        assertEquals(1, l.skips().skipped());
    }

    @Test
    void outOfBoundsRunIsCaughtAtIndexTimeWhenTheSizeIsKnown(@TempDir Path dir) throws Exception {
        tree(dir, "ImageId, EncodedPixels", "a, 10 7\n", "a");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> SiimIndex.load(dir, new SiimIndex.Options("png", 4, 4, true, false)));
        assertTrue(e.getMessage().contains("outside the 4x4 image"), e.getMessage());
        // size unknown: found when decoded against the real image
        SiimDataset ds = SiimDataset.builder().setRecords(SiimIndex.load(dir, PNG).records())
                .optImageLoader(new ImageLoader(ImageSources.defaults(), 4, 4, Normalization.PRIOR))
                .setSampling(1, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            DataFormatException e2 = assertThrows(DataFormatException.class, () -> ds.get(m, 0));
            assertTrue(e2.getMessage().contains("ImageId a") && e2.getMessage().contains("train-rle.csv"));
        }
    }

    @Test
    void missingImageFileIsABadRecord(@TempDir Path dir) throws Exception {
        tree(dir, "ImageId, EncodedPixels", "a, -1\nghost, -1\n", "a");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SiimIndex.load(dir, PNG));
        assertTrue(e.getMessage().contains("ImageId ghost") && e.getMessage().contains("no file ghost.png"));
    }

    @Test
    void datasetServesOredMaskResizedWithNearestNeighbour(@TempDir Path dir) throws Exception {
        tree(dir, "ImageId, EncodedPixels", "b, 0 2\nb, 12 2\n", "b");
        SiimDataset ds = SiimDataset.builder().setRecords(SiimIndex.load(dir, PNG).records())
                .optImageLoader(new ImageLoader(ImageSources.defaults(), 2, 2, Normalization.PRIOR))
                .setSampling(1, false).build();
        try (NDManager m = NDManager.newBaseManager()) {
            Record r = ds.get(m, 0);
            assertEquals(new Shape(1, 2, 2), r.getData().head().getShape());
            assertEquals(new Shape(1, 2, 2), r.getLabels().get(0).getShape());
            // Each CSV row is its own RLE counted from pixel 0: "0 2" -> (0,0),(1,0);
            // "12 2" -> column-major 12, 13 of a 4-row image -> (0,3),(1,3).
            // Nearest 4x4 -> 2x2 samples source (1,1),(1,3),(3,1),(3,3).
            assertArrayEquals(new float[] {0, 1, 0, 0}, r.getLabels().get(0).toFloatArray());
            assertArrayEquals(new float[] {1}, r.getLabels().get(1).toFloatArray());
        }
    }
}
