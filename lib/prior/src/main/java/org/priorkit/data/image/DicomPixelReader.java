package org.priorkit.data.image;

import org.priorkit.data.DataFormatException;
import org.priorkit.data.dicom.DicomImage;
import org.priorkit.data.dicom.DicomReader;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads .dcm files (RSNA, SIIM) with the kit's DICOM reader: values in [0, 1], MONOCHROME1 inverted. */
final class DicomPixelReader implements PixelReader {

    @Override
    public GrayImage read(Path file) {
        try {
            DicomImage d = DicomReader.read(file);
            return new GrayImage(d.rows(), d.columns(), d.pixels());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "DICOM file not found"); // its message is only the path
        } catch (IOException e) {
            // The DICOM reader's messages name the file too: keep the file once.
            String message = String.valueOf(e.getMessage());
            String prefix = file + ": ";
            throw new DataFormatException(file, null,
                    message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
        }
    }
}
