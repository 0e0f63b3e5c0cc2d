package org.priorkit.data.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one grayscale frame of a DICOM file into a {@link DicomImage} with values in [0, 1].
 *
 * <p>Decoded: implicit and explicit VR little endian with 8-, 16- or 32-bit samples (signed or unsigned,
 * masked to BitsStored), and encapsulated baseline JPEG (1.2.840.10008.1.2.4.50) handed to ImageIO, in
 * Part-10 files or bare datasets. Then RescaleSlope/Intercept, {@link GrayscaleScaling} (min..max by
 * default) and MONOCHROME1 inversion. Everything else (JPEG lossless, JPEG-LS, JPEG 2000, RLE, deflated,
 * big endian, colour, 1-bit) is an {@link UnsupportedDicomException} naming the file and transfer syntax;
 * a broken or truncated file is a {@link DicomFormatException} naming the file and byte offset.
 *
 * <pre>{@code
 * DicomImage image = DicomReader.read(Path.of("stage_2_train_images/0004cfab.dcm"));
 * float[] pixels = image.pixels(); // (H*W), row-major, 1 = bright
 * }</pre>
 */
public final class DicomReader {

    private DicomReader() {}

    /** Reads a single-frame file with min..max scaling; a multi-frame file must name its frame. */
    public static DicomImage read(Path file) throws IOException {
        return read(file, -1, GrayscaleScaling.MIN_MAX);
    }

    /** Reads frame {@code frame} (from 0) of a single- or multi-frame file with min..max scaling. */
    public static DicomImage read(Path file, int frame) throws IOException {
        return read(file, frame, GrayscaleScaling.MIN_MAX);
    }

    /** Reads frame {@code frame}, or the only frame when {@code frame} is -1, with the given scaling. */
    public static DicomImage read(Path file, int frame, GrayscaleScaling scaling) throws IOException {
        DicomDataset ds = DicomParser.parse(file);
        String uid = ds.transferSyntaxUid();
        TransferSyntax syntax = TransferSyntax.of(uid).orElseThrow();
        if (!syntax.decoded()) {
            throw new UnsupportedDicomException(file, "transfer syntax " + TransferSyntax.describe(uid)
                    + " is not supported; decoded are " + TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid() + ", "
                    + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid() + " and " + TransferSyntax.JPEG_BASELINE.uid()
                    + " (convert e.g. with `gdcmconv --raw` or `dcmdjpeg`)");
        }
        DicomElement pixelData = ds.element(Tags.PIXEL_DATA).orElseThrow(() -> new DicomFormatException(file,
                "no pixel data " + Tags.format(Tags.PIXEL_DATA) + " (not an image?)"));
        PixelFormat format = PixelFormat.of(ds);
        int index = chooseFrame(file, frame, format.frames());

        double[] modality;
        if (syntax == TransferSyntax.JPEG_BASELINE) {
            EncapsulatedPixelData fragments = ds.encapsulated().orElseThrow(() -> new DicomFormatException(file,
                    pixelData.valueOffset(), "JPEG transfer syntax but the pixel data is not encapsulated"));
            modality = JpegBaselineFrame.samples(fragments.frame(ds.bytes(), index, format.frames(), file),
                    format, file, index);
        } else {
            if (pixelData.undefinedLength()) {
                throw new DicomFormatException(file, pixelData.valueOffset(),
                        "native transfer syntax but the pixel data is encapsulated");
            }
            modality = NativePixels.storedValues(ds, pixelData, format, index);
        }
        for (int i = 0; i < modality.length; i++) {
            modality[i] = modality[i] * format.slope() + format.intercept();
        }
        double[] range = scaling.range(modality, ds.decimals(Tags.WINDOW_CENTER), ds.decimals(Tags.WINDOW_WIDTH));
        float[] unit = GrayscaleScaling.toUnit(modality, range[0], range[1],
                format.photometric().equals("MONOCHROME1"));
        return new DicomImage(format.rows(), format.columns(), unit, format.photometric(), format.bitsStored(),
                uid, range[0], range[1], ds.text(Tags.PATIENT_ID).orElse(null),
                ds.text(Tags.VIEW_POSITION).orElse(null), ds.text(Tags.STUDY_INSTANCE_UID).orElse(null),
                ds.text(Tags.SOP_INSTANCE_UID).orElse(null));
    }

    private static int chooseFrame(Path file, int frame, int frames) throws UnsupportedDicomException {
        if (frame == -1 && frames > 1) {
            throw new UnsupportedDicomException(file, "multi-frame image (" + frames
                    + " frames): choose one with DicomReader.read(path, frame)");
        }
        if (frame < -1 || frame >= frames) {
            throw new IllegalArgumentException(file + ": frame " + frame + " of " + frames);
        }
        return Math.max(frame, 0);
    }
}
