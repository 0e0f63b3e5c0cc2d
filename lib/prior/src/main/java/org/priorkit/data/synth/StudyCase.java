package org.priorkit.data.synth;

import java.util.List;

/**
 * Everything that is true of one study before it is drawn: the patient, the findings, the device and the
 * acquisition. Several images of one study (a second frontal, a lateral) share it.
 *
 * @param tubeTipCm for an ET tube, how far its tip sits above the carina (the report quotes it)
 * @param view      "PA" or "AP" (portable)
 */
public record StudyCase(Anatomy anatomy, List<FindingSpec> findings, Device device, double tubeTipCm,
                        String view, String sex, int age) {

    /** Centimetres per patient-frame unit (a 30 cm wide adult thorax spans about 0.7 units). */
    public static final double CM_PER_UNIT = 43.0;

    public StudyCase {
        findings = List.copyOf(findings);
        if (!view.equals("PA") && !view.equals("AP")) {
            throw new IllegalArgumentException("frontal view must be PA or AP: " + view);
        }
    }

    /** The same study with no findings: the normal chest it was drawn on (for tests and ablations). */
    public StudyCase withoutFindings() {
        return new StudyCase(anatomy, List.of(), device, tubeTipCm, view, sex, age);
    }

    /** True when a finding of this type is present. */
    public boolean has(FindingType type) {
        return findings.stream().anyMatch(f -> f.type() == type);
    }
}
