package org.priorkit.data.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.mimic.MimicTree;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyTest {

    record Run(int code, String out) {}

    static Run verify(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Verify.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCompleteMimicTreePassesAndAMissingImageFails(@TempDir Path root) throws Exception {
        MimicTree.standard(root).write(true);
        Run ok = verify("mimic", root.toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("metadata rows: 7, .jpg files: 7") && ok.out().contains("usable records: 2"),
                ok.out());
        // A lateral image is never used for a pair, but a partial download is still reported.
        Files.delete(root.resolve("mimic-cxr-jpg/2.0.0/files/p10/p10000032/s50414267/ddd-lat.jpg"));
        Run bad = verify("mimic", root.resolve("mimic-cxr-jpg/2.0.0").toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("PROBLEM: metadata rows (7) and .jpg files on disk (6) differ"), bad.out());
    }

    @Test
    void siimTreeWithAFakeDicomIsCaught(@TempDir Path root) throws Exception {
        Path siim = Files.createDirectories(root.resolve("siim"));
        for (String id : new String[] {"1.2.3", "1.2.4"}) {
            Path f = Files.createDirectories(siim.resolve("dicom-images-train/st/se")).resolve(id + ".dcm");
            // A real (tiny) DICOM image: Verify decodes the first images, not just their signature.
            org.priorkit.data.dicom.DicomWriter.write(f, new org.priorkit.data.dicom.DicomWriter.Header(
                    "p" + id, "Test^Patient", "F", "050Y", "st", "se", id, "PA", "20200101", false),
                    new byte[4 * 4], 4, 4);
        }
        Files.writeString(siim.resolve("train-rle.csv"), "ImageId, EncodedPixels\n1.2.3, -1\n1.2.4, 3 4\n");
        Run ok = verify("siim", root.toString());
        assertEquals(0, ok.code(), ok.out());
        // A run past the image's end (4x4 = 16 pixels) was accepted here and failed only in training.
        Files.writeString(siim.resolve("train-rle.csv"), "ImageId, EncodedPixels\n1.2.3, -1\n1.2.4, 10 7\n");
        Run past = verify("siim", root.toString());
        assertEquals(1, past.code(), past.out());
        assertTrue(past.out().contains("ImageId 1.2.4: its mask runs to pixel 17, past the end of a 4x4 image"), past.out());
        Files.writeString(siim.resolve("train-rle.csv"), "ImageId, EncodedPixels\n1.2.3, -1\n1.2.4, 3 4\n");
        Files.write(siim.resolve("dicom-images-train/st/se/1.2.4.dcm"), new byte[10]);
        Run bad = verify("siim", siim.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("1.2.4.dcm: not a DICOM file"), bad.out());
    }

    @Test
    void missingFilesAndBadUsageAreReported(@TempDir Path root) {
        Run none = verify("rsna", root.toString());
        assertEquals(1, none.code());
        assertTrue(none.out().contains("stage_2_train_labels.csv: file not found"), none.out());
        assertEquals(2, verify("covid", root.toString()).code());
        assertEquals(2, verify("mimic").code());
    }
}
