package org.priorkit.data.synth;

/** Draws a support device as a thin radio-opaque line in the patient frame. */
final class DevicePainter {

    private DevicePainter() {}

    /** Adds the case's device to {@code density}. */
    static void paint(StudyCase c, Anatomy a, PatientFrame f, float[] density) {
        if (c.device() == Device.NONE) {
            return;
        }
        float[] line = new float[density.length];
        double carina = a.hilumY() - 0.05;
        double radius = Math.max(0.6, 0.004 * f.pixelsPerUnit());
        if (c.device() == Device.CENTRAL_LINE) {
            // in from the patient's right neck (image left), down into the SVC right of the midline
            Strokes.line(line, f, -0.13, -0.02, -0.06, 0.17, radius, 1);
            Strokes.line(line, f, -0.06, 0.17, -0.035, carina + 0.04, radius, 1);
        } else {
            double tip = carina - c.tubeTipCm() / StudyCase.CM_PER_UNIT;
            Strokes.line(line, f, 0.0, -0.05, 0.0, tip, 1.6 * radius, 1);
        }
        for (int i = 0; i < density.length; i++) {
            density[i] += 0.22f * line[i];
        }
    }
}
