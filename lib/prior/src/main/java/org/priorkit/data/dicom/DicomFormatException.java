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

    /** A problem of the file as a whole (a missing tag, an undecodable JPEG), not at one place. */
    public DicomFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.offset = -1;
    }

    /** Byte offset in the file where the problem was found, or -1 when it is not at one place. */
    public long offset() {
        return offset;
    }
}
