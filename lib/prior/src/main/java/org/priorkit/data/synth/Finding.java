package org.priorkit.data.synth;

/**
 * Ground truth of one drawn finding: what was asked for, and the pixels it actually changed.
 *
 * @param spec the request
 * @param mask row-major {@code size*size} pixel mask (y * size + x) of the finding
 * @param box  the tight box around the mask, or null if the finding ended up with no pixels
 */
public record Finding(FindingSpec spec, boolean[] mask, Box box) {

    /** Number of pixels in the mask. */
    public int area() {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
