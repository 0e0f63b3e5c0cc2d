package org.priorkit.data.synth;

/**
 * The PATIENT's side. Images are frontal films seen as a PA radiograph is read: the viewer faces the
 * patient, so the patient's LEFT is on the image's RIGHT (larger x). {@link #sign()} gives that
 * direction in the patient frame, whose x axis points to the image's right.
 */
public enum Side {
    RIGHT(-1),
    LEFT(+1),
    BILATERAL(0);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** -1 for the patient's right (image left), +1 for the patient's left (image right), 0 for both. */
    public int sign() {
        return sign;
    }

    /** The word used in reports and in the truth file. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
