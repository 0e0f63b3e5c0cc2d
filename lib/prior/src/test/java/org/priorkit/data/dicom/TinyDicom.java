package org.priorkit.data.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Test-only byte builder for small little-endian DICOM files, for cases the real test sets lack
 * (MONOCHROME1, junk above BitsStored, nested undefined-length sequences, split JPEG fragments).
 * Elements are written in the order added; callers add them in ascending tag order.
 */
final class TinyDicom {

    private static final Set<String> LONG_LENGTH_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    static final int UNDEFINED = -1;

    private final boolean explicit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TinyDicom(boolean explicit) {
        this.explicit = explicit;
    }

    TinyDicom us(int tag, int value) {
        return element(tag, "US", new byte[] {(byte) value, (byte) (value >> 8)});
    }

    /** A text value padded to even length with a space (UI pads with NUL). */
    TinyDicom text(int tag, String vr, String value) {
        String padded = value.length() % 2 == 0 ? value : value + (vr.equals("UI") ? "\0" : " ");
        return element(tag, vr, padded.getBytes(StandardCharsets.ISO_8859_1));
    }

    TinyDicom element(int tag, String vr, byte[] value) {
        header(tag, vr, value.length);
        out.writeBytes(value);
        return this;
    }

    /** Header only, e.g. with {@link #UNDEFINED} length before raw items. */
    TinyDicom header(int tag, String vr, int length) {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
        if (explicit && tag >>> 16 != 0xFFFE) {
            out.writeBytes(vr.getBytes(StandardCharsets.ISO_8859_1));
            if (LONG_LENGTH_VRS.contains(vr)) {
                u16(0);
                u32(length);
            } else {
                u16(length);
            }
        } else {
            u32(length);
        }
        return this;
    }

    /** An item, delimiter or fragment: (FFFE,xxxx) tag and 32-bit length, then the bytes. */
    TinyDicom item(int tag, int length, byte[] bytes) {
        header(tag, null, length);
        out.writeBytes(bytes);
        return this;
    }

    byte[] dataset() {
        return out.toByteArray();
    }

    /** Preamble, "DICM", a file meta group naming {@code transferSyntaxUid}, then this dataset. */
    byte[] part10(String transferSyntaxUid) {
        TinyDicom meta = new TinyDicom(true).text(Tags.TRANSFER_SYNTAX_UID, "UI", transferSyntaxUid);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes(meta.dataset());
        file.writeBytes(dataset());
        return file.toByteArray();
    }

    private void u16(int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private void u32(int v) {
        u16(v & 0xFFFF);
        u16(v >>> 16);
    }

    static byte[] le16(int... values) {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            bytes[2 * i] = (byte) values[i];
            bytes[2 * i + 1] = (byte) (values[i] >> 8);
        }
        return bytes;
    }

    static byte[] le32(int... values) {
        byte[] bytes = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < 4; b++) {
                bytes[4 * i + b] = (byte) (values[i] >> (8 * b));
            }
        }
        return bytes;
    }
}
