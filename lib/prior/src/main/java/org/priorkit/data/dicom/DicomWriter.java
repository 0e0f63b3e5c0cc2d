package org.priorkit.data.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal DICOM Part-10 writer for 8-bit grayscale radiographs, as the RSNA and SIIM sets ship them:
 * a 128-byte preamble, "DICM", the group-2 file meta information, then a flat data set in tag order,
 * all in Explicit VR Little Endian (transfer syntax 1.2.840.10008.1.2.1), with uncompressed pixels.
 *
 * <p>Pixels are passed as DISPLAY values (0 = black). With {@code monochrome1} they are stored inverted,
 * as MONOCHROME1 images are, so a reader that honours the photometric interpretation gets them back.
 * Only what a reader of chest films needs is written; this is not a general DICOM toolkit.
 */
public final class DicomWriter {

    /** CR Image Storage. */
    public static final String CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1";
    /** Explicit VR Little Endian. */
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    /** An implementation class UID under the UUID-derived root 2.25. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.173519471940261478152217341862935517411";

    private DicomWriter() {}

    /**
     * The identifying attributes of one image.
     *
     * @param sex          "M" or "F"
     * @param age          DICOM age string, e.g. "051Y"
     * @param viewPosition "PA" or "AP"
     * @param studyDate    YYYYMMDD
     * @param monochrome1  store inverted with PhotometricInterpretation MONOCHROME1
     */
    public record Header(String patientId, String patientName, String sex, String age, String studyUid,
                         String seriesUid, String sopInstanceUid, String viewPosition, String studyDate,
                         boolean monochrome1) {}

    /** Writes {@code pixels} (row-major, {@code rows*columns} bytes) as a DICOM file. */
    public static void write(Path file, Header h, byte[] pixels, int rows, int columns) throws IOException {
        Files.write(file, encode(h, pixels, rows, columns));
    }

    /** The bytes of the DICOM file. */
    public static byte[] encode(Header h, byte[] pixels, int rows, int columns) {
        if (pixels.length != rows * columns) {
            throw new IllegalArgumentException("pixels: " + pixels.length + " bytes for " + rows + "x" + columns);
        }
        if (rows > 0xFFFF || columns > 0xFFFF) {
            throw new IllegalArgumentException("rows and columns must fit 16 bits");
        }
        Elements meta = new Elements();
        meta.bytes(0x0002, 0x0001, "OB", new byte[] {0, 1});
        meta.text(0x0002, 0x0002, "UI", CR_IMAGE_STORAGE);
        meta.text(0x0002, 0x0003, "UI", h.sopInstanceUid());
        meta.text(0x0002, 0x0010, "UI", EXPLICIT_VR_LITTLE_ENDIAN);
        meta.text(0x0002, 0x0012, "UI", IMPLEMENTATION_CLASS_UID);
        meta.text(0x0002, 0x0013, "SH", "PRIORKIT_SYNTH");

        Elements data = new Elements();
        data.text(0x0008, 0x0005, "CS", "ISO_IR 100");
        data.text(0x0008, 0x0016, "UI", CR_IMAGE_STORAGE);
        data.text(0x0008, 0x0018, "UI", h.sopInstanceUid());
        data.text(0x0008, 0x0020, "DA", h.studyDate());
        data.text(0x0008, 0x0060, "CS", "CR");
        data.text(0x0008, 0x0064, "CS", "WSD");
        data.text(0x0010, 0x0010, "PN", h.patientName());
        data.text(0x0010, 0x0020, "LO", h.patientId());
        data.text(0x0010, 0x0040, "CS", h.sex());
        data.text(0x0010, 0x1010, "AS", h.age());
        data.text(0x0018, 0x0015, "CS", "CHEST");
        data.text(0x0018, 0x5101, "CS", h.viewPosition());
        data.text(0x0020, 0x000D, "UI", h.studyUid());
        data.text(0x0020, 0x000E, "UI", h.seriesUid());
        data.text(0x0020, 0x0013, "IS", "1");
        data.us(0x0028, 0x0002, 1);
        data.text(0x0028, 0x0004, "CS", h.monochrome1() ? "MONOCHROME1" : "MONOCHROME2");
        data.us(0x0028, 0x0010, rows);
        data.us(0x0028, 0x0011, columns);
        data.us(0x0028, 0x0100, 8);
        data.us(0x0028, 0x0101, 8);
        data.us(0x0028, 0x0102, 7);
        data.us(0x0028, 0x0103, 0);
        byte[] stored = pixels;
        if (h.monochrome1()) {
            stored = new byte[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                stored[i] = (byte) (255 - (pixels[i] & 0xff));
            }
        }
        data.bytes(0x7FE0, 0x0010, "OB", stored);

        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + meta.size() + data.size());
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        Elements groupLength = new Elements();
        groupLength.ul(0x0002, 0x0000, meta.size());
        groupLength.writeTo(out);
        meta.writeTo(out);
        data.writeTo(out);
        return out.toByteArray();
    }

    /** Explicit VR little-endian elements, appended in the order given (callers keep tag order). */
    private static final class Elements {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        int size() {
            return buf.size();
        }

        void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(buf.toByteArray());
        }

        /** A string value, padded to even length with NUL for UIDs and a space otherwise. */
        void text(int group, int element, String vr, String value) {
            byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
            if (v.length % 2 == 1) {
                byte[] p = new byte[v.length + 1];
                System.arraycopy(v, 0, p, 0, v.length);
                p[v.length] = (byte) (vr.equals("UI") ? 0 : ' ');
                v = p;
            }
            header(group, element, vr, v.length);
            buf.writeBytes(v);
        }

        void us(int group, int element, int value) {
            header(group, element, "US", 2);
            le16(value);
        }

        void ul(int group, int element, long value) {
            header(group, element, "UL", 4);
            le16((int) (value & 0xFFFF));
            le16((int) (value >>> 16));
        }

        /** An OB value, padded with one NUL byte when its length is odd. */
        void bytes(int group, int element, String vr, byte[] value) {
            int padded = value.length + (value.length % 2);
            header(group, element, vr, padded);
            buf.writeBytes(value);
            if (padded != value.length) {
                buf.write(0);
            }
        }

        private void header(int group, int element, String vr, int length) {
            le16(group);
            le16(element);
            buf.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")) {
                le16(0);                                     // reserved
                le16(length & 0xFFFF);
                le16(length >>> 16);
            } else {
                le16(length);
            }
        }

        private void le16(int v) {
            buf.write(v & 0xff);
            buf.write((v >>> 8) & 0xff);
        }
    }
}
