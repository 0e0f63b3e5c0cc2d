package org.priorkit.data.synth;

/**
 * What the sampler asks for: one finding to draw and report.
 *
 * @param type     the finding
 * @param side     the patient's side ({@link Side#BILATERAL} for cardiomegaly, edema and bilateral effusions)
 * @param zone     the lung zone the finding is centred in
 * @param severity in (0, 1]; below {@link #SUBTLE} the finding is drawn faintly and reported as small/mild
 * @param extent   in (0, 1]; how much of the zone it covers
 * @param hedged   the report words it with uncertainty ("possible ..."), so CheXpert-style labels are -1
 */
public record FindingSpec(FindingType type, Side side, Zone zone, double severity, double extent,
                          boolean hedged) {

    /** Severity below which a finding counts as subtle. */
    public static final double SUBTLE = 0.3;

    public FindingSpec {
        if (type == null || side == null || zone == null) {
            throw new IllegalArgumentException("type, side and zone are required");
        }
        if (!(severity > 0 && severity <= 1) || !(extent > 0 && extent <= 1)) {
            throw new IllegalArgumentException("severity and extent must be in (0, 1]: " + severity + ", " + extent);
        }
    }

    /** True when drawn faintly. */
    public boolean subtle() {
        return severity < SUBTLE;
    }
}
