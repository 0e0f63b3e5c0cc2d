package org.priorkit.data.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A valid DICOM file this small reader does not decode (a compressed transfer syntax other than baseline
 * JPEG, big endian, colour, 1-bit, ...). The message names the file and, where it matters, the transfer
 * syntax UID and name, so a user knows what to convert the file to (e.g. {@code gdcmconv --raw}).
 */
public class UnsupportedDicomException extends IOException {

    public UnsupportedDicomException(Path file, String what) {
        super(file + ": " + what);
    }
}
