package org.priorkit.data.rsna;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One RSNA patient (= one image): the pneumonia target, its boxes and the detailed class.
 *
 * @param patientId the image id
 * @param image stage_2_train_images/{patientId}.dcm
 * @param target 1 pneumonia (then at least one box), 0 none (then no box)
 * @param boxes in original pixels
 * @param detailedClass "Lung Opacity", "Normal" or "No Lung Opacity / Not Normal"
 */
public record RsnaRecord(String patientId, Path image, int target, List<RsnaBox> boxes, String detailedClass) {

    public RsnaRecord {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(image, "image");
        boxes = List.copyOf(boxes);
        if (target != 0 && target != 1) {
            throw new IllegalArgumentException("Target must be 0 or 1, got " + target);
        }
        if ((target == 1) == boxes.isEmpty()) {
            throw new IllegalArgumentException("Target " + target + " with " + boxes.size() + " box(es)");
        }
    }
}
