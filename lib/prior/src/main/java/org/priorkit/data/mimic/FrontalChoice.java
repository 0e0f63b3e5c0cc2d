package org.priorkit.data.mimic;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * PRIOR pairs each report with ONE frontal image of its study. The choice is deterministic so two
 * runs (and two machines) train on the same pairs: PA before AP (PA films are taken standing and
 * are usually the better image), then the smallest dicom_id.
 */
final class FrontalChoice {

    private static final Comparator<MimicImage> ORDER = Comparator
            .comparing((MimicImage m) -> m.viewPosition().equals("PA") ? 0 : 1)
            .thenComparing(MimicImage::dicomId);

    private FrontalChoice() {}

    /** The chosen frontal image, or empty when the study has only lateral (or unknown) views. */
    public static Optional<MimicImage> choose(List<MimicImage> studyImages) {
        return studyImages.stream().filter(MimicImage::frontal).min(ORDER);
    }
}
