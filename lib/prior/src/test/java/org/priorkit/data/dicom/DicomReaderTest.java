package org.priorkit.data.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DicomReader} on tiny hand-built files: the cases the real test sets do not cover. */
class DicomReaderTest {

    private static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();

    @TempDir
    Path dir;

    /** A 2 x 2 image header in tag order, up to (but not including) pixel data. */
    private static TinyDicom image(boolean explicit, String photometric, int bitsAllocated, int bitsStored,
                                   int highBit, int pixelRepresentation) {
        return new TinyDicom(explicit)
                .text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3.4")
                .text(Tags.PATIENT_ID, "LO", "p10000032")
                .text(Tags.VIEW_POSITION, "CS", "PA")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, 2).us(Tags.COLUMNS, 2)
                .us(Tags.BITS_ALLOCATED, bitsAllocated).us(Tags.BITS_STORED, bitsStored)
                .us(Tags.HIGH_BIT, highBit).us(Tags.PIXEL_REPRESENTATION, pixelRepresentation);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void monochrome1IsInvertedAndJunkAboveBitsStoredIsMasked() throws IOException {
        // 12 of 16 bits used; the top nibble holds junk (as overlays once did) that must not count.
        byte[] pixels = TinyDicom.le16(0xF000, 0xA400, 0x5800 | 0x0800, 0x0FFF);
        Path file = write("m1.dcm", image(true, "MONOCHROME1", 16, 12, 11, 0)
                .element(Tags.PIXEL_DATA, "OW", pixels).part10(EXPLICIT));
        DicomImage image = DicomReader.read(file);
        // stored values 0, 1024, 2048, 4095 -> min..max -> inverted (MONOCHROME1: low values are white)
        assertArrayEquals(new float[] {1f, 1f - 1024f / 4095, 1f - 2048f / 4095, 0f}, image.pixels(), 1e-6f);
        assertEquals(0, image.lowValue());
        assertEquals(4095, image.highValue());
        assertEquals("MONOCHROME1", image.photometric());
        assertEquals("p10000032", image.patientId());
        assertEquals("PA", image.viewPosition());
        assertEquals("1.2.3.4", image.sopInstanceUid());
        assertNull(image.studyInstanceUid());
    }

    @Test
    void signedSamplesAreSignExtendedFromBitsStoredThenRescaled() throws IOException {
        byte[] pixels = TinyDicom.le16(0xF000 | 0x0FFF, 0x0800, 0x07FF, 0x0000); // -1, -2048, 2047, 0 in 12 bits
        TinyDicom header = image(false, "MONOCHROME2", 16, 12, 11, 1)
                .text(Tags.RESCALE_INTERCEPT, "DS", "-1024").text(Tags.RESCALE_SLOPE, "DS", "2");
        Path file = write("signed.dcm", header.element(Tags.PIXEL_DATA, "OW", pixels).part10(IMPLICIT));
        DicomImage image = DicomReader.read(file);
        assertEquals(-2048 * 2 - 1024, image.lowValue());
        assertEquals(2047 * 2 - 1024, image.highValue());
        double span = image.highValue() - image.lowValue();
        assertArrayEquals(new float[] {(float) (2047 / span * 2), 0f, 1f, (float) (2048 / span * 2)},
                image.pixels(), 1e-6f);
    }

    @Test
    void windowScalingClipsOutsideTheWindowAndFallsBackWithoutOne() throws IOException {
        byte[] pixels = {0, 100, (byte) 150, (byte) 250};
        TinyDicom header = image(true, "MONOCHROME2", 8, 8, 7, 0)
                .text(Tags.WINDOW_CENTER, "DS", "100.5").text(Tags.WINDOW_WIDTH, "DS", "101");
        Path file = write("window.dcm", header.element(Tags.PIXEL_DATA, "OB", pixels).part10(EXPLICIT));
        // DICOM linear window: low = c - 0.5 - (w-1)/2 = 50, high = 150
        DicomImage windowed = DicomReader.read(file, 0, GrayscaleScaling.WINDOW);
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1f}, windowed.pixels(), 1e-6f);
        DicomImage minMax = DicomReader.read(file);
        assertArrayEquals(new float[] {0f, 0.4f, 0.6f, 1f}, minMax.pixels(), 1e-6f);

        Path noWindow = write("nowindow.dcm", image(true, "MONOCHROME2", 8, 8, 7, 0)
                .text(Tags.WINDOW_CENTER, "DS", "0").text(Tags.WINDOW_WIDTH, "DS", "0")
                .element(Tags.PIXEL_DATA, "OB", pixels).part10(EXPLICIT));
        assertArrayEquals(minMax.pixels(), DicomReader.read(noWindow, 0, GrayscaleScaling.WINDOW).pixels());
    }

    @Test
    void constantImageIsAllZeros() throws IOException {
        Path file = write("flat.dcm", image(true, "MONOCHROME2", 8, 8, 7, 0)
                .element(Tags.PIXEL_DATA, "OB", new byte[] {7, 7, 7, 7}).part10(EXPLICIT));
        assertArrayEquals(new float[4], DicomReader.read(file).pixels());
    }

    /** Undefined-length sequences, items and a nested sequence before the image, in both VR encodings. */
    @Test
    void undefinedLengthSequencesAreSkipped() throws IOException {
        for (boolean explicit : new boolean[] {true, false}) {
            TinyDicom inner = new TinyDicom(explicit).text(0x0008_0100, "SH", "CODE");
            TinyDicom nested = new TinyDicom(explicit).text(0x0008_0100, "SH", "X")
                    .header(0x0008_1115, "SQ", TinyDicom.UNDEFINED)
                    .item(Tags.ITEM, TinyDicom.UNDEFINED, inner.dataset())
                    .item(Tags.ITEM_DELIMITER, 0, new byte[0])
                    .item(Tags.ITEM, inner.dataset().length, inner.dataset()) // a defined-length item too
                    .item(Tags.SEQUENCE_DELIMITER, 0, new byte[0]);
            byte[] bytes = new TinyDicom(explicit)
                    .header(0x0008_1110, "SQ", TinyDicom.UNDEFINED)
                    .item(Tags.ITEM, TinyDicom.UNDEFINED, nested.dataset())
                    .item(Tags.ITEM_DELIMITER, 0, new byte[0])
                    .item(Tags.SEQUENCE_DELIMITER, 0, new byte[0])
                    .text(Tags.PATIENT_ID, "LO", "after-sequence")
                    .us(Tags.SAMPLES_PER_PIXEL, 1).text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                    .us(Tags.ROWS, 1).us(Tags.COLUMNS, 2).us(Tags.BITS_ALLOCATED, 8).us(Tags.BITS_STORED, 8)
                    .element(Tags.PIXEL_DATA, "OB", new byte[] {10, 20})
                    .part10(explicit ? EXPLICIT : IMPLICIT);
            DicomImage image = DicomReader.read(write("sq.dcm", bytes));
            assertEquals("after-sequence", image.patientId(), explicit ? "explicit" : "implicit");
            assertArrayEquals(new float[] {0f, 1f}, image.pixels());
        }
    }

    @Test
    void jpegFramesAreFoundByOffsetTableAcrossSplitFragments() throws IOException {
        BufferedImage first = gradient(false);
        BufferedImage second = gradient(true);
        byte[] a = jpeg(first);
        byte[] b = jpeg(second);
        byte[][] fragments = {Arrays.copyOfRange(a, 0, 100), Arrays.copyOfRange(a, 100, a.length),
                Arrays.copyOfRange(b, 0, 64), Arrays.copyOfRange(b, 64, b.length)};
        // Offsets count from the first fragment's item tag; each item adds 8 header bytes.
        int secondFrameAt = 8 + fragments[0].length + 8 + fragments[1].length;
        Path withTable = write("jpeg2.dcm", encapsulated(TinyDicom.le32(0, secondFrameAt), fragments));
        assertJpegFrame(first, DicomReader.read(withTable, 0));
        assertJpegFrame(second, DicomReader.read(withTable, 1));

        Path noTable = write("jpeg2b.dcm", encapsulated(new byte[0], new byte[][] {a, b}));
        assertJpegFrame(second, DicomReader.read(noTable, 1));

        Path ambiguous = write("jpeg2c.dcm", encapsulated(new byte[0], fragments));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> DicomReader.read(ambiguous, 1));
        assertTrue(e.getMessage().contains("cannot tell where frame 1 starts"), e.getMessage());
    }

    @Test
    void pixelDataShorterThanTheImageIsAnError() throws IOException {
        Path file = write("short.dcm", image(true, "MONOCHROME2", 16, 16, 15, 0)
                .element(Tags.PIXEL_DATA, "OW", TinyDicom.le16(1, 2, 3)).part10(EXPLICIT));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> DicomReader.read(file));
        assertTrue(e.getMessage().contains("pixel data holds 6 bytes"), e.getMessage());
    }

    @Test
    void strayBytesAfterTheImageAreIgnoredButNotInsideIt() throws IOException {
        byte[] whole = image(true, "MONOCHROME2", 8, 8, 7, 0)
                .element(Tags.PIXEL_DATA, "OB", new byte[] {0, 1, 2, 4}).part10(EXPLICIT);
        Path padded = write("padded.dcm", Arrays.copyOf(whole, whole.length + 3));
        assertEquals(4, DicomReader.read(padded).pixels().length);
        Path cut = write("cut.dcm", Arrays.copyOf(whole, whole.length - 1));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> DicomReader.read(cut));
        assertEquals(whole.length - 4, e.offset()); // where the 4 pixel bytes should start
    }

    @Test
    void toBufferedImageRoundsToEightBits() throws IOException {
        Path file = write("bi.dcm", image(true, "MONOCHROME2", 8, 8, 7, 0)
                .element(Tags.PIXEL_DATA, "OB", new byte[] {0, 1, 2, 4}).part10(EXPLICIT));
        BufferedImage image = DicomReader.read(file).toBufferedImage();
        assertEquals(2, image.getWidth());
        assertEquals(255, image.getRaster().getSample(1, 1, 0));
        assertEquals(64, image.getRaster().getSample(1, 0, 0)); // 1/4 * 255 = 63.75
    }

    private static byte[] encapsulated(byte[] offsetTable, byte[][] fragments) {
        TinyDicom d = new TinyDicom(true)
                .us(Tags.SAMPLES_PER_PIXEL, 1).text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .text(Tags.NUMBER_OF_FRAMES, "IS", "2")
                .us(Tags.ROWS, 16).us(Tags.COLUMNS, 24).us(Tags.BITS_ALLOCATED, 8).us(Tags.BITS_STORED, 8)
                .header(Tags.PIXEL_DATA, "OB", TinyDicom.UNDEFINED)
                .item(Tags.ITEM, offsetTable.length, offsetTable);
        for (byte[] f : fragments) {
            byte[] even = f.length % 2 == 0 ? f : Arrays.copyOf(f, f.length + 1); // JPEG allows trailing padding
            d.item(Tags.ITEM, even.length, even);
        }
        return d.item(Tags.SEQUENCE_DELIMITER, 0, new byte[0]).part10(TransferSyntax.JPEG_BASELINE.uid());
    }

    private static BufferedImage gradient(boolean vertical) {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                image.getRaster().setSample(x, y, 0, vertical ? y * 16 : x * 10);
            }
        }
        return image;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpeg", out));
        return out.toByteArray();
    }

    /** Lossy JPEG: compare the image's shape (min..max scaled) within a few gray levels. */
    private static void assertJpegFrame(BufferedImage expected, DicomImage actual) {
        assertEquals(expected.getHeight(), actual.rows());
        assertEquals(expected.getWidth(), actual.columns());
        double[] e = expected.getRaster().getSamples(0, 0, 24, 16, 0, (double[]) null);
        double lo = Arrays.stream(e).min().orElseThrow();
        double hi = Arrays.stream(e).max().orElseThrow();
        for (int i = 0; i < e.length; i++) {
            assertEquals((e[i] - lo) / (hi - lo), actual.pixels()[i], 0.05, "pixel " + i);
        }
    }
}
