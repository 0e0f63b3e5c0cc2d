package org.priorkit.data.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a DICOM file's elements (PS3.5 chapter 7) and records where each top-level value lies.
 * Sequences are skipped, with defined or undefined length, nested to any depth. Understood: Part-10 files
 * (128-byte preamble, "DICM", file meta group in explicit VR little endian) and bare datasets without
 * preamble whose first element is plainly DICOM; implicit and explicit VR little endian. Deflated and big
 * endian datasets are refused with an {@link UnsupportedDicomException}.
 */
final class DicomParser {

    private DicomParser() {}

    /** Explicit-VR value representations whose length is a 32-bit field after two reserved bytes. */
    private static final Set<String> LONG_LENGTH_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> ALL_VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD",
            "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV",
            "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");
    private static final int PREAMBLE = 128;

    /** One element header: tag, VR (null when implicit or for items) and length (-1 undefined). */
    private record Header(int tag, String vr, long length) {}

    public static DicomDataset parse(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean part10 = bytes.length >= PREAMBLE + 4
                && new String(bytes, PREAMBLE, 4, StandardCharsets.ISO_8859_1).equals("DICM");
        if (!part10 && !startsLikeDataset(bytes)) {
            throw new DicomFormatException(file, 0, "not a DICOM file: no \"DICM\" at byte " + PREAMBLE
                    + " and no DICOM element at byte 0");
        }
        ByteCursor cursor = new ByteCursor(bytes, file, part10 ? PREAMBLE + 4 : 0);
        Map<Integer, DicomElement> elements = new LinkedHashMap<>();

        // The file meta group is always explicit VR little endian, whatever the dataset uses.
        while (cursor.peekU16(0) == 0x0002) {
            readTopLevel(cursor, true, elements);
        }
        String uid = DicomDataset.text(bytes, elements.get(Tags.TRANSFER_SYNTAX_UID)).orElse(null);
        if (uid == null) { // no meta header: tell the two little-endian encodings apart by the VR letters
            uid = (vrAt(bytes, cursor.position() + 4) ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                    : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).uid();
        }
        String found = uid;
        TransferSyntax syntax = TransferSyntax.of(uid).orElseThrow(() -> new UnsupportedDicomException(file,
                "transfer syntax " + TransferSyntax.describe(found) + " is not supported"));
        if (syntax == TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN
                || syntax == TransferSyntax.EXPLICIT_VR_BIG_ENDIAN) {
            throw new UnsupportedDicomException(file, "transfer syntax " + TransferSyntax.describe(uid)
                    + " is not supported; convert to explicit VR little endian");
        }
        EncapsulatedPixelData encapsulated = null;
        while (cursor.remaining() > 0) {
            if (cursor.remaining() < 8 && elements.containsKey(Tags.PIXEL_DATA)) {
                break; // a few stray bytes after the image, too short for any element: the image is whole
            }
            EncapsulatedPixelData e = readTopLevel(cursor, syntax.explicitVr(), elements);
            encapsulated = e != null ? e : encapsulated;
        }
        return new DicomDataset(file, bytes, uid, elements, encapsulated);
    }

    /** Reads one top-level element into {@code elements}; returns the fragments if it was compressed pixel data. */
    private static EncapsulatedPixelData readTopLevel(ByteCursor cursor, boolean explicit,
                                                      Map<Integer, DicomElement> elements) throws IOException {
        Header h = readHeader(cursor, explicit);
        int valueOffset = cursor.position();
        EncapsulatedPixelData encapsulated = null;
        if (h.length() >= 0) {
            cursor.skip(h.length(), "value of " + Tags.format(h.tag()));
        } else if (h.tag() == Tags.PIXEL_DATA) {
            encapsulated = readFragments(cursor);
        } else {
            skipSequence(cursor, explicit && !"UN".equals(h.vr()));
        }
        elements.put(h.tag(), new DicomElement(h.tag(), h.vr(), valueOffset, (int) h.length()));
        return encapsulated;
    }

    private static Header readHeader(ByteCursor cursor, boolean explicit) throws DicomFormatException {
        int group = cursor.u16("element tag");
        int tag = group << 16 | cursor.u16("element tag");
        if (group == 0xFFFE || !explicit) { // items and delimiters never carry a VR
            return new Header(tag, null, cursor.u32("length of " + Tags.format(tag)));
        }
        String vr = cursor.ascii(2, "VR of " + Tags.format(tag));
        if (LONG_LENGTH_VRS.contains(vr)) {
            cursor.skip(2, "reserved bytes of " + Tags.format(tag));
            return new Header(tag, vr, cursor.u32("length of " + Tags.format(tag)));
        }
        return new Header(tag, vr, cursor.u16("length of " + Tags.format(tag)));
    }

    /**
     * Skips the items of an undefined-length sequence up to its delimiter. An explicit-VR UN element of
     * undefined length holds its items in implicit VR (PS3.5 6.2.2), hence the caller's flag.
     */
    private static void skipSequence(ByteCursor cursor, boolean explicit) throws IOException {
        while (true) {
            int at = cursor.position();
            Header h = readHeader(cursor, explicit);
            if (h.tag() == Tags.SEQUENCE_DELIMITER) {
                return;
            }
            if (h.tag() != Tags.ITEM) {
                throw new DicomFormatException(cursor.file(), at, "expected an item in a sequence, found "
                        + Tags.format(h.tag()));
            }
            if (h.length() >= 0) {
                cursor.skip(h.length(), "sequence item");
            } else {
                skipItemElements(cursor, explicit);
            }
        }
    }

    /** Skips the elements of an undefined-length item up to its item delimiter. */
    private static void skipItemElements(ByteCursor cursor, boolean explicit) throws IOException {
        while (true) {
            Header h = readHeader(cursor, explicit);
            if (h.tag() == Tags.ITEM_DELIMITER) {
                return;
            }
            if (h.length() >= 0) {
                cursor.skip(h.length(), "value of " + Tags.format(h.tag()));
            } else {
                skipSequence(cursor, explicit && !"UN".equals(h.vr()));
            }
        }
    }

    /** Compressed pixel data: an item holding the basic offset table, fragment items, a sequence delimiter. */
    private static EncapsulatedPixelData readFragments(ByteCursor cursor) throws IOException {
        int at = cursor.position();
        Header table = readHeader(cursor, false);
        if (table.tag() != Tags.ITEM || table.length() < 0 || table.length() % 4 != 0) {
            throw new DicomFormatException(cursor.file(), at,
                    "encapsulated pixel data must start with a basic offset table item");
        }
        long[] offsets = new long[(int) (table.length() / 4)];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = cursor.u32("basic offset table");
        }
        int firstItem = cursor.position();
        List<EncapsulatedPixelData.Fragment> fragments = new ArrayList<>();
        while (true) {
            int itemAt = cursor.position();
            Header h = readHeader(cursor, false);
            if (h.tag() == Tags.SEQUENCE_DELIMITER) {
                return new EncapsulatedPixelData(offsets, fragments);
            }
            if (h.tag() != Tags.ITEM || h.length() < 0) {
                throw new DicomFormatException(cursor.file(), itemAt, "expected a pixel data fragment item, found "
                        + Tags.format(h.tag()));
            }
            fragments.add(new EncapsulatedPixelData.Fragment(itemAt - firstItem, cursor.position(), (int) h.length()));
            cursor.skip(h.length(), "pixel data fragment");
        }
    }

    /** A bare dataset starts with a group 0002 or 0008 tag, then a known VR or a plausible 32-bit length. */
    private static boolean startsLikeDataset(byte[] bytes) {
        if (bytes.length < 8) {
            return false;
        }
        int group = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;
        if (group != 0x0002 && group != 0x0008) {
            return false;
        }
        long length = (bytes[4] & 0xFFL) | (bytes[5] & 0xFFL) << 8 | (bytes[6] & 0xFFL) << 16
                | (bytes[7] & 0xFFL) << 24;
        return vrAt(bytes, 4) || length <= bytes.length - 8;
    }

    private static boolean vrAt(byte[] bytes, int at) {
        return at + 2 <= bytes.length
                && ALL_VRS.contains(new String(bytes, at, 2, StandardCharsets.ISO_8859_1));
    }
}
