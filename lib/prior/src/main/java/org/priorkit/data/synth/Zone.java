package org.priorkit.data.synth;

/** Vertical third of a lung field, from the apex to the diaphragm dome. */
public enum Zone {
    UPPER,
    MIDDLE,
    LOWER;

    /** Position of the zone's centre as a fraction of lung height from the apex (0) to the base (1). */
    public double centre() {
        return (ordinal() + 0.5) / 3.0;
    }

    /** The word used in the truth file. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
