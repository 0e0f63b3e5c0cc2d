package org.priorkit.data.dicom;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not DICOM, or is broken (truncated, bad lengths): names the file and the byte offset. */
public class DicomFormatException extends IOException {

    private final long offset;

    public DicomFormatException(Path file, long offset, String problem) {
        super(file + ": " + problem + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
