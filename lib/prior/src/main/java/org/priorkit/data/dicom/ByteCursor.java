package org.priorkit.data.dicom;

import java.nio.file.Path;

/** Little-endian reads over a file's bytes; running past the end is a {@link DicomFormatException}. */
final class ByteCursor {

    private final byte[] bytes;
    private final Path file;
    private int position;

    ByteCursor(byte[] bytes, Path file, int position) {
        this.bytes = bytes;
        this.file = file;
        this.position = position;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    Path file() {
        return file;
    }

    /** Throws unless {@code count} more bytes exist; this is where truncated files are caught. */
    void require(long count, String what) throws DicomFormatException {
        if (count < 0 || count > remaining()) {
            throw new DicomFormatException(file, position, "truncated file: " + what + " needs " + count
                    + " bytes but only " + remaining() + " remain of " + bytes.length);
        }
    }

    int u16(String what) throws DicomFormatException {
        require(2, what);
        int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    /** An unsigned 32-bit value; DICOM's undefined length 0xFFFFFFFF comes back as -1. */
    long u32(String what) throws DicomFormatException {
        require(4, what);
        long value = (bytes[position] & 0xFFL) | (bytes[position + 1] & 0xFFL) << 8
                | (bytes[position + 2] & 0xFFL) << 16 | (bytes[position + 3] & 0xFFL) << 24;
        position += 4;
        return value == 0xFFFFFFFFL ? -1 : value;
    }

    String ascii(int count, String what) throws DicomFormatException {
        require(count, what);
        String value = new String(bytes, position, count, java.nio.charset.StandardCharsets.ISO_8859_1);
        position += count;
        return value;
    }

    void skip(long count, String what) throws DicomFormatException {
        require(count, what);
        position += (int) count;
    }

    /** Looks at the 16-bit value {@code ahead} bytes on without moving; -1 past the end. */
    int peekU16(int ahead) {
        int at = position + ahead;
        return at + 1 < bytes.length ? (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 : -1;
    }
}
