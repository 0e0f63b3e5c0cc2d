package org.priorkit.data.dicom;

/**
 * How modality values (stored value x RescaleSlope + RescaleIntercept) become [0, 1].
 *
 * <p>The default is {@link #MIN_MAX}: the darkest value of the frame maps to 0, the brightest to 1. It needs
 * no optional tags and is what chest X-ray pipelines usually do with exported images (RSNA's and SIIM's
 * 8-bit DICOMs already span their range; MIMIC-CXR-JPG's JPEGs were written from full-range images), so
 * synthetic, DICOM and JPEG inputs look alike to the model. {@link #WINDOW} applies the file's first
 * WindowCenter/WindowWidth with the DICOM linear function (PS3.3 C.11.2.1.2), which is what a radiologist's
 * viewer shows; values outside the window clip to 0 or 1. It falls back to MIN_MAX when the file has no
 * usable window (absent, or width below 1 as in files that write 0/0).
 */
public enum GrayscaleScaling {
    MIN_MAX,
    WINDOW;

    /** The modality values that map to 0 and to 1, as {low, high}. */
    double[] range(double[] modality, double[] windowCenter, double[] windowWidth) {
        if (this == WINDOW && windowCenter.length > 0 && windowWidth.length > 0 && windowWidth[0] >= 1) {
            double c = windowCenter[0] - 0.5;
            double halfSpan = (windowWidth[0] - 1) / 2;
            return new double[] {c - halfSpan, c + halfSpan};
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : modality) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return new double[] {low, high};
    }

    /**
     * Linear map of {@code [low, high]} onto [0, 1], clipped; MONOCHROME1 is then inverted so that, as in
     * MONOCHROME2, high values are bright. When low == high (a constant frame, or a window of width 1) values
     * above low become 1 and the rest 0.
     */
    static float[] toUnit(double[] modality, double low, double high, boolean invert) {
        float[] unit = new float[modality.length];
        for (int i = 0; i < unit.length; i++) {
            double u = high > low ? (modality[i] - low) / (high - low) : (modality[i] > low ? 1 : 0);
            u = Math.min(1, Math.max(0, u));
            unit[i] = (float) (invert ? 1 - u : u);
        }
        return unit;
    }
}
