package org.priorkit.data.chexpert;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of the CheXpert 5x200 zero-shot set.
 *
 * @param key the JSON key ("0", "1", ...)
 * @param imagePath as written, relative to CheXpert-v1.0-small/ (e.g. train/patient00012/study1/view1_frontal.jpg)
 * @param image the resolved file
 * @param classIndex index into {@link ChexpertClasses#COMPETITION} of the one positive class
 */
public record FiveBy200Entry(String key, String imagePath, Path image, int classIndex) {

    public FiveBy200Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(imagePath, "imagePath");
        if (classIndex < 0 || classIndex >= ChexpertClasses.COMPETITION.size()) {
            throw new IllegalArgumentException("class index " + classIndex + " is outside 0..4");
        }
    }

    /** The class name, e.g. "Edema". */
    public String className() {
        return ChexpertClasses.COMPETITION.get(classIndex);
    }
}
