package org.priorkit.data.dicom;

/**
 * Where one element's value sits in the file.
 *
 * @param tag         group << 16 | element
 * @param vr          value representation as written (explicit VR), or null (implicit VR)
 * @param valueOffset byte offset of the value in the file
 * @param length      value length in bytes, or -1 for an undefined length (a sequence, or encapsulated
 *                    pixel data, whose content the parser has already walked)
 */
public record DicomElement(int tag, String vr, int valueOffset, int length) {

    public DicomElement {
        if (valueOffset < 0 || length < -1) {
            throw new IllegalArgumentException("bad element " + Tags.format(tag) + ": offset " + valueOffset
                    + ", length " + length);
        }
    }

    public boolean undefinedLength() {
        return length == -1;
    }
}
