package org.priorkit.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * PRIOR's named loss terms (the paper's three-stage schedule). A stage weighs some of them
 * ({@link StageConfig#weights()}); the objective computes only those, and the trainer sums
 * {@code weight * term}. The {@link #id()} is the term's stable name in presets, checkpoints and
 * {@code metrics.jsonl}: renaming a constant never changes a file.
 */
public enum LossTerm {
    /** InfoNCE between the image and report globals. */
    GLOBAL("global"),
    /** Local alignment, image side: SimSiam between image tokens and their text-aware versions. */
    LOCAL_IMAGE("local_image"),
    /** Local alignment, text side: InfoNCE among a report's sentences and their image-aware versions. */
    LOCAL_TEXT("local_text"),
    /** Sentence features against their prototypes (stage 2 on). */
    PROTOTYPE_L1("prototype_l1"),
    /** The image rebuilt from text-conditioned image features (stage 3). */
    IMAGE_RECONSTRUCTION("image_reconstruction"),
    /** Decoded sentences against the matched true prototypes (stage 3). */
    REPORT_L1("report_l1"),
    /** Codebook distributions of decoded and true sentences (stage 3). */
    REPORT_KL("report_kl"),
    /** InfoNCE of the report pooled from decoded sentences against the true report (stage 3). */
    REPORT_GLOBAL_PREDICTION("report_global_prediction");

    private final String id;

    LossTerm(String id) {
        this.id = id;
    }

    /** The stable name, e.g. "local_image". */
    public String id() {
        return id;
    }

    /** The id, so that messages and printed maps name terms as the files do. */
    @Override
    public String toString() {
        return id;
    }

    /** The term named {@code id}; an unknown name is an error that lists the known ones. */
    public static LossTerm of(String id) {
        for (LossTerm t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown loss term '" + id + "' (known: "
                + Arrays.stream(values()).map(LossTerm::id).sorted().collect(Collectors.joining(", ")) + ")");
    }
}
