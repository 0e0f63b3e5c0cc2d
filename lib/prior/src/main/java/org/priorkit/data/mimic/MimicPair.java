package org.priorkit.data.mimic;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One pretraining pair: a frontal MIMIC-CXR-JPG image and the sentences of its study's report
 * (impression first, then findings).
 *
 * @param dicomId image id, the file name without .jpg
 * @param subjectId patient (8 digits starting with 1)
 * @param studyId study (8 digits starting with 5)
 * @param image the .jpg file
 * @param split official split: train, validate or test
 * @param sentences the report's PRIOR sentences, at least one
 * @param labels raw CheXpert labels of the study (1, 0, -1); blank labels have no key
 */
public record MimicPair(String dicomId, long subjectId, long studyId, Path image, String split,
                        List<String> sentences, Map<String, Float> labels) {

    public static final Set<String> SPLITS = Set.of("train", "validate", "test");

    public MimicPair {
        Objects.requireNonNull(dicomId, "dicomId");
        Objects.requireNonNull(image, "image");
        if (subjectId <= 0 || studyId <= 0) {
            throw new IllegalArgumentException("ids must be positive: subject " + subjectId + ", study " + studyId);
        }
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("split '" + split + "' is not one of " + SPLITS);
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a pair needs at least one sentence");
        }
        sentences = List.copyOf(sentences);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
