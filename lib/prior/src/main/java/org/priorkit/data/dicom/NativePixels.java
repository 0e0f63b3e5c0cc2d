package org.priorkit.data.dicom;

/**
 * Uncompressed (native) little-endian samples: frame {@code f} is the {@code f}-th run of
 * rows x columns x bitsAllocated/8 bytes. Each sample is masked to its BitsStored bits at HighBit and
 * sign-extended when PixelRepresentation says signed, since the unused high bits may hold overlay or junk.
 */
final class NativePixels {

    private NativePixels() {}

    /** Stored values (before rescale) of one frame. */
    static double[] storedValues(DicomDataset ds, DicomElement pixelData, PixelFormat format, int frame)
            throws DicomFormatException {
        int bytesPerSample = format.bitsAllocated() / 8;
        long frameBytes = (long) format.pixelsPerFrame() * bytesPerSample;
        if ((long) pixelData.length() < frameBytes * format.frames()) {
            throw new DicomFormatException(ds.file(), pixelData.valueOffset(), "pixel data holds "
                    + pixelData.length() + " bytes, but " + format.frames() + " frame(s) of " + format.rows()
                    + " x " + format.columns() + " x " + bytesPerSample + " bytes need " + frameBytes * format.frames());
        }
        byte[] bytes = ds.bytes();
        int start = (int) (pixelData.valueOffset() + frameBytes * frame);
        int shift = format.highBit() + 1 - format.bitsStored();
        long mask = (1L << format.bitsStored()) - 1;
        long signBit = 1L << (format.bitsStored() - 1);
        double[] values = new double[format.pixelsPerFrame()];
        for (int i = 0; i < values.length; i++) {
            int at = start + i * bytesPerSample;
            long raw = 0;
            for (int b = 0; b < bytesPerSample; b++) { // little endian
                raw |= (bytes[at + b] & 0xFFL) << (8 * b);
            }
            long v = (raw >>> shift) & mask;
            if (format.signed() && (v & signBit) != 0) {
                v -= 1L << format.bitsStored();
            }
            values[i] = v;
        }
        return values;
    }
}
