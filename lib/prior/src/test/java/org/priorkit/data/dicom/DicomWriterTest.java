package org.priorkit.data.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Byte-level checks of the Part-10 structure, written against the standard's layout. */
class DicomWriterTest {

    static final DicomWriter.Header HEADER = new DicomWriter.Header("p1", "p1", "F", "051Y", "1.2.3", "1.2.3.4",
            "1.2.3.4.5", "PA", "20240101", false);

    @Test
    void preambleMagicAndGroupLength() {
        byte[] b = DicomWriter.encode(HEADER, new byte[] {1, 2, 3, 4, 5, 6}, 2, 3);
        for (int i = 0; i < 128; i++) {
            assertEquals(0, b[i]);
        }
        assertEquals("DICM", new String(b, 128, 4, StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0002, buf.getShort(132));
        assertEquals(0x0000, buf.getShort(134));
        assertEquals("UL", new String(b, 136, 2, StandardCharsets.US_ASCII));
        int groupLength = buf.getInt(140);
        // the element right after group 2 must be the first data set element, (0008,0005)
        int next = 144 + groupLength;
        assertEquals(0x0008, buf.getShort(next));
        assertEquals(0x0005, buf.getShort(next + 2));
        String meta = new String(b, 144, groupLength, StandardCharsets.US_ASCII);
        assertEquals(true, meta.contains("1.2.840.10008.1.2.1"));
    }

    @Test
    void rowsColumnsAndPixelsAreAtTheEnd() {
        byte[] pixels = {10, 20, 30, 40, 50, 60};
        byte[] b = DicomWriter.encode(HEADER, pixels, 2, 3);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        // pixel data is last: tag (7FE0,0010) OB, 2 reserved bytes, 4-byte length, value
        int start = b.length - pixels.length - 12;
        assertEquals((short) 0x7FE0, buf.getShort(start));
        assertEquals(0x0010, buf.getShort(start + 2));
        assertEquals("OB", new String(b, start + 4, 2, StandardCharsets.US_ASCII));
        assertEquals(pixels.length, buf.getInt(start + 8));
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(pixels[i], b[start + 12 + i]);
        }
        assertEquals(2, findUs(b, 0x0028, 0x0010));
        assertEquals(3, findUs(b, 0x0028, 0x0011));
    }

    @Test
    void monochrome1StoresInvertedValuesAndOddPixelDataIsPadded() {
        DicomWriter.Header inverted = new DicomWriter.Header("p1", "p1", "F", "051Y", "1.2.3", "1.2.3.4",
                "1.2.3.4.5", "PA", "20240101", true);
        byte[] b = DicomWriter.encode(inverted, new byte[] {0, (byte) 200, (byte) 255}, 1, 3);
        assertEquals(true, new String(b, StandardCharsets.ISO_8859_1).contains("MONOCHROME1"));
        assertEquals(0, b.length % 2);
        assertEquals(0, b[b.length - 1]);                       // padding byte
        assertEquals((byte) 255, b[b.length - 4]);
        assertEquals((byte) 55, b[b.length - 3]);
        assertEquals((byte) 0, b[b.length - 2]);
        assertThrows(IllegalArgumentException.class, () -> DicomWriter.encode(HEADER, new byte[5], 2, 3));
    }

    private static int findUs(byte[] b, int group, int element) {
        for (int i = 132; i + 10 <= b.length; i++) {
            if ((b[i] & 0xff) == (group & 0xff) && (b[i + 1] & 0xff) == group >> 8 && (b[i + 2] & 0xff) == (element & 0xff)
                    && (b[i + 3] & 0xff) == element >> 8 && b[i + 4] == 'U' && b[i + 5] == 'S') {
                return (b[i + 8] & 0xff) | (b[i + 9] & 0xff) << 8;
            }
        }
        throw new AssertionError("no element");
    }
}
