package org.priorkit.data.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.DataFormatException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageIoReaderTest {

    private final ImageSources sources = ImageSources.defaults();

    /** A missing .dcm said its path twice and never "not found". */
    @Test
    void aMissingDicomFileSaysNotFoundAndNamesItOnce(@TempDir Path dir) {
        Path missing = dir.resolve("1.2.3.dcm");
        String m = assertThrows(DataFormatException.class, () -> sources.read(missing)).getMessage();
        assertTrue(m.contains("not found"), m);
        assertEquals(m.indexOf(missing.toString()), m.lastIndexOf(missing.toString()), m);
    }

    @Test
    void readsEightBitGrayPngExactly(@TempDir Path dir) throws IOException {
        Path f = TestImages.gray(dir.resolve("a.png"), 3, 4);
        GrayImage g = sources.read(f);
        assertEquals(3, g.height());
        assertEquals(4, g.width());
        assertEquals(0f, g.at(0, 0));
        assertEquals(6 / 255f, g.at(1, 2), 1e-7);  // row-major, not transposed
    }

    @Test
    void readsSixteenBitGrayAndColourAsLuma(@TempDir Path dir) throws IOException {
        BufferedImage g16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(1, 0, 0, 65535);
        ImageIO.write(g16, "png", dir.resolve("b.png").toFile());
        assertEquals(1f, sources.read(dir.resolve("b.png")).at(0, 1), 1e-7);

        BufferedImage rgb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);  // pure red
        ImageIO.write(rgb, "png", dir.resolve("c.png").toFile());
        assertEquals(0.299f, sources.read(dir.resolve("c.png")).at(0, 0), 1e-6);
    }

    @Test
    void readsJpegCloseToItsSource(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.jpg");
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                img.getRaster().setSample(c, r, 0, 128);
            }
        }
        ImageIO.write(img, "jpg", f.toFile());
        GrayImage g = sources.read(f);
        assertEquals(128 / 255f, g.at(8, 8), 0.02);
    }

    @Test
    void truncatedJpegIsAnErrorNotAGrayPaddedImage(@TempDir Path dir) throws IOException {
        Path f = TestImages.gray(dir.resolve("e.jpg"), 64, 64);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> sources.read(f));
        assertTrue(e.getMessage().contains("e.jpg"), e.getMessage());
    }

    @Test
    void truncatedPngIsAnError(@TempDir Path dir) throws IOException {
        Path f = TestImages.gray(dir.resolve("f.png"), 64, 64);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> sources.read(f));
        assertTrue(e.getMessage().contains("f.png") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageAndMissingFilesAreNamedErrors(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("g.jpg"), "this is not a jpeg");
        DataFormatException e1 = assertThrows(DataFormatException.class, () -> sources.read(junk));
        assertTrue(e1.getMessage().contains("g.jpg") && e1.getMessage().contains("not a readable image"),
                e1.getMessage());
        DataFormatException e2 = assertThrows(DataFormatException.class,
                () -> sources.read(dir.resolve("missing.png")));
        assertTrue(e2.getMessage().contains("missing.png") && e2.getMessage().contains("not found"));
    }

    @Test
    void unknownExtensionSaysHowToPlugAReader(@TempDir Path dir) throws IOException {
        Path tif = Files.writeString(dir.resolve("h.tif"), "x");
        DataFormatException e = assertThrows(DataFormatException.class, () -> sources.read(tif));
        assertTrue(e.getMessage().contains("'.tif'") && e.getMessage().contains("ImageSources.with"),
                e.getMessage());
        ImageSources plugged = sources.with("TIF", file -> new GrayImage(1, 1, new float[] {0.5f}));
        assertEquals(0.5f, plugged.read(tif).at(0, 0));
    }

    @Test
    void dicomIsReadByDefaultAndItsErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path dcm = Files.writeString(dir.resolve("h.dcm"), "not a dicom file at all");
        DataFormatException e = assertThrows(DataFormatException.class, () -> sources.read(dcm));
        assertTrue(e.getMessage().contains("h.dcm"), e.getMessage());
    }
}
