package org.priorkit.runall;

import java.nio.file.Path;

/**
 * The ablation ladder: each rung adds one idea of the paper.
 *
 * <ul>
 *   <li>random init: no pretraining at all (the floor);</li>
 *   <li>global only: stage 1 with the global InfoNCE alone (ConVIRT-like), its own run;</li>
 *   <li>+ local alignment: the full run after stage 1 (global + local image + local text);</li>
 *   <li>+ prototypes: the full run after stage 2 (sentence prototype bank);</li>
 *   <li>PRIOR: the full run after stage 3 (cross-modality conditional reconstruction).</li>
 * </ul>
 * The last three rungs are the stage checkpoints of ONE run, so each rung is also trained longer
 * than the one before: the table shows what each stage adds on top, which is how the paper's
 * schedule builds PRIOR. The random-init and global-only rungs anchor the comparison.
 */
public enum Rung {
    RANDOM("random init"),
    GLOBAL("global only"),
    LOCAL("+ local alignment"),
    PROTOTYPES("+ prototypes"),
    PRIOR("PRIOR");

    private final String label;

    Rung(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The checkpoint of this rung, given the full run's and the global-only run's folders; null for random init. */
    public Path checkpoint(Path fullRun, Path globalRun) {
        return switch (this) {
            case RANDOM -> null;
            case GLOBAL -> globalRun.resolve("stage-1-align.ckpt");
            case LOCAL -> fullRun.resolve("stage-1-align.ckpt");
            case PROTOTYPES -> fullRun.resolve("stage-2-prototype.ckpt");
            case PRIOR -> fullRun.resolve("stage-3-reconstruct.ckpt");
        };
    }
}
