package org.priorkit.data.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The top-level elements of one parsed file (file meta group 0002 included; sequence contents are skipped,
 * not kept), with typed access to the values the reader needs. Made by {@link DicomParser#parse(Path)}.
 */
public final class DicomDataset {

    private final Path file;
    private final byte[] bytes;
    private final String transferSyntaxUid;
    private final Map<Integer, DicomElement> elements;
    private final EncapsulatedPixelData encapsulated;

    DicomDataset(Path file, byte[] bytes, String transferSyntaxUid, Map<Integer, DicomElement> elements,
                 EncapsulatedPixelData encapsulated) {
        this.file = file;
        this.bytes = bytes;
        this.transferSyntaxUid = transferSyntaxUid;
        this.elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
        this.encapsulated = encapsulated;
    }

    public Path file() {
        return file;
    }

    /** From the file meta header, or guessed (implicit/explicit VR little endian) for files without one. */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /** Top-level tags in file order. */
    public List<Integer> tags() {
        return new ArrayList<>(elements.keySet());
    }

    public Optional<DicomElement> element(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    /** Compressed pixel data, when the pixel data element has an undefined length. */
    public Optional<EncapsulatedPixelData> encapsulated() {
        return Optional.ofNullable(encapsulated);
    }

    /** A text value (CS, LO, UI, DS, IS, ...) without DICOM's space/NUL padding; empty when absent or blank. */
    public Optional<String> text(int tag) {
        return text(bytes, elements.get(tag));
    }

    static Optional<String> text(byte[] bytes, DicomElement e) {
        if (e == null || e.length() <= 0) {
            return Optional.empty();
        }
        String value = new String(bytes, e.valueOffset(), e.length(), StandardCharsets.ISO_8859_1)
                .replaceAll("^[\\s\\x00]+|[\\s\\x00]+$", "");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A US (unsigned 16-bit) value, the type of Rows, Columns, BitsAllocated, ... */
    public OptionalInt uint16(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() < 2) {
            return OptionalInt.empty();
        }
        int at = e.valueOffset();
        return OptionalInt.of((bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8);
    }

    /** The numbers of a DS or IS value ("1\2.5"); empty when absent. */
    public double[] decimals(int tag) throws DicomFormatException {
        Optional<String> value = text(tag);
        if (value.isEmpty()) {
            return new double[0];
        }
        String[] parts = value.get().split("\\\\");
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new DicomFormatException(file, elements.get(tag).valueOffset(),
                        "element " + Tags.format(tag) + " is not a number: \"" + value.get() + "\"");
            }
        }
        return numbers;
    }

    /** The whole file; pixel decoders read their bytes from here by offset. */
    byte[] bytes() {
        return bytes;
    }
}
