package org.priorkit.data.dicom;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One grayscale frame read by {@link DicomReader}.
 *
 * @param rows              height H
 * @param columns           width W
 * @param pixels            (H*W) row-major values in [0, 1], high = bright (MONOCHROME1 already inverted);
 *                          not copied, images are large
 * @param photometric       MONOCHROME1 or MONOCHROME2, as in the file
 * @param bitsStored        significant bits per stored sample
 * @param transferSyntaxUid the file's transfer syntax
 * @param lowValue          the modality value (after rescale) mapped to 0, before MONOCHROME1 inversion
 * @param highValue         the modality value mapped to 1, before MONOCHROME1 inversion
 * @param patientId         PatientID (0010,0020), or null when absent
 * @param viewPosition      ViewPosition (0018,5101) such as PA or AP, or null
 * @param studyInstanceUid  StudyInstanceUID (0020,000D), or null
 * @param sopInstanceUid    SOPInstanceUID (0008,0018), or null
 */
public record DicomImage(int rows, int columns, float[] pixels, String photometric, int bitsStored,
                         String transferSyntaxUid, double lowValue, double highValue, String patientId,
                         String viewPosition, String studyInstanceUid, String sopInstanceUid) {

    public DicomImage {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("bad size " + rows + " x " + columns);
        }
        if (pixels == null || pixels.length != rows * columns) {
            throw new IllegalArgumentException("need " + rows * columns + " pixels, got "
                    + (pixels == null ? "null" : pixels.length));
        }
        if (photometric == null || transferSyntaxUid == null) {
            throw new IllegalArgumentException("photometric and transfer syntax are required");
        }
    }

    /** The value at (row, column). */
    public float pixel(int row, int column) {
        return pixels[row * columns + column];
    }

    /** An 8-bit gray image (0..1 -> 0..255, rounded), e.g. to save as PNG or to feed an ImageIO pipeline. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            gray[i] = (byte) Math.round(pixels[i] * 255f);
        }
        return image;
    }
}
