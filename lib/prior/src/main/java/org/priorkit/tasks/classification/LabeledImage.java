package org.priorkit.tasks.classification;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image with its classification targets, whatever data set it came from.
 *
 * @param id      the image's id in its data set (CheXpert path, RSNA patientId)
 * @param patient the patient, for patient-level splits
 * @param image   the image file
 * @param targets (C) 0/1 targets after the label policy
 */
public record LabeledImage(String id, String patient, Path image, float[] targets) {

    public LabeledImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        for (float t : targets) {
            if (t != 0f && t != 1f) {
                throw new IllegalArgumentException(id + ": targets must be 0 or 1, got " + t);
            }
        }
        targets = targets.clone();
    }

    /** The targets as a bit pattern such as "01001", the stratum of a fraction sample. */
    public String pattern() {
        StringBuilder sb = new StringBuilder(targets.length);
        for (float t : targets) {
            sb.append(t == 1f ? '1' : '0');
        }
        return sb.toString();
    }
}
