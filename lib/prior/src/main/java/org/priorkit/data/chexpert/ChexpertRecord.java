package org.priorkit.data.chexpert;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of CheXpert's train.csv / valid.csv.
 *
 * @param path the Path column as written (e.g. CheXpert-v1.0-small/train/patient00001/study1/view1_frontal.jpg)
 * @param image the resolved image file
 * @param patientId e.g. "patient00001", taken from the path (for patient-level splits)
 * @param sex as written (Male, Female, Unknown)
 * @param age in years
 * @param frontal Frontal/Lateral is "Frontal"
 * @param apPa AP/PA column, blank for laterals
 * @param labels raw label per class name: 1, 0 or -1; a blank label has no key
 */
public record ChexpertRecord(String path, Path image, String patientId, String sex, int age,
                             boolean frontal, String apPa, Map<String, Float> labels) {

    public ChexpertRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(image, "image");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        for (var e : labels.entrySet()) {
            float v = e.getValue();
            if (v != 1f && v != 0f && v != -1f) {
                throw new IllegalArgumentException(e.getKey() + " = " + v + " is not 1, 0 or -1");
            }
        }
    }

    /** Raw value of one class, or null for blank. */
    public Float raw(String className) {
        return labels.get(className);
    }
}
