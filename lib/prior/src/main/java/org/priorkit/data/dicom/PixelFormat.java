package org.priorkit.data.dicom;

import java.nio.file.Path;

/**
 * How a grayscale image's samples are stored (PS3.3 C.7.6.3, the Image Pixel module), read and checked
 * once so that the decoders can trust it.
 *
 * @param rows          image height
 * @param columns       image width
 * @param frames        NumberOfFrames (1 when absent)
 * @param bitsAllocated bits per sample in the file: 8, 16 or 32
 * @param bitsStored    bits of each sample that hold the value
 * @param highBit       most significant bit of the value inside the allocated bits
 * @param signed        PixelRepresentation 1: two's complement values
 * @param photometric   MONOCHROME1 (low values white) or MONOCHROME2 (low values black)
 * @param slope         RescaleSlope (1 when absent): modality value = stored * slope + intercept
 * @param intercept     RescaleIntercept (0 when absent)
 */
record PixelFormat(int rows, int columns, int frames, int bitsAllocated, int bitsStored, int highBit,
                          boolean signed, String photometric, double slope, double intercept) {

    public PixelFormat {
        if (rows <= 0 || columns <= 0 || frames <= 0) {
            throw new IllegalArgumentException("bad size " + rows + " x " + columns + " x " + frames + " frames");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IllegalArgumentException("BitsAllocated " + bitsAllocated + " is not 8, 16 or 32");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new IllegalArgumentException("BitsStored " + bitsStored + " / HighBit " + highBit
                    + " do not fit BitsAllocated " + bitsAllocated);
        }
        if (!photometric.equals("MONOCHROME1") && !photometric.equals("MONOCHROME2")) {
            throw new IllegalArgumentException("photometric " + photometric + " is not MONOCHROME1/2");
        }
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    /** Reads the Image Pixel module; anything this reader cannot decode is an {@link UnsupportedDicomException}. */
    public static PixelFormat of(DicomDataset ds) throws DicomFormatException, UnsupportedDicomException {
        Path file = ds.file();
        int samples = ds.uint16(Tags.SAMPLES_PER_PIXEL).orElse(1);
        String photometric = ds.text(Tags.PHOTOMETRIC_INTERPRETATION).orElse("MONOCHROME2");
        if (samples != 1 || !photometric.startsWith("MONOCHROME")) {
            throw new UnsupportedDicomException(file, "colour images are not supported (SamplesPerPixel "
                    + samples + ", PhotometricInterpretation " + photometric + "); only MONOCHROME1/2");
        }
        int rows = required(ds, Tags.ROWS, "Rows");
        int columns = required(ds, Tags.COLUMNS, "Columns");
        int bitsAllocated = required(ds, Tags.BITS_ALLOCATED, "BitsAllocated");
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new UnsupportedDicomException(file, "BitsAllocated " + bitsAllocated
                    + " is not supported; only 8, 16 and 32");
        }
        int bitsStored = ds.uint16(Tags.BITS_STORED).orElse(bitsAllocated);
        int highBit = ds.uint16(Tags.HIGH_BIT).orElse(bitsStored - 1);
        double[] frames = ds.decimals(Tags.NUMBER_OF_FRAMES);
        double[] slope = ds.decimals(Tags.RESCALE_SLOPE);
        double[] intercept = ds.decimals(Tags.RESCALE_INTERCEPT);
        try {
            return new PixelFormat(rows, columns, frames.length > 0 ? (int) frames[0] : 1, bitsAllocated,
                    bitsStored, highBit, ds.uint16(Tags.PIXEL_REPRESENTATION).orElse(0) == 1, photometric,
                    slope.length > 0 ? slope[0] : 1.0, intercept.length > 0 ? intercept[0] : 0.0);
        } catch (IllegalArgumentException e) {
            throw new DicomFormatException(file, "inconsistent image description: " + e.getMessage());
        }
    }

    private static int required(DicomDataset ds, int tag, String name) throws DicomFormatException {
        return ds.uint16(tag).orElseThrow(() -> new DicomFormatException(ds.file(),
                "missing " + name + " " + Tags.format(tag)));
    }
}
