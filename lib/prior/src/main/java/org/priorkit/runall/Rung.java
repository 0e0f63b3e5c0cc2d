package org.priorkit.runall;

import org.priorkit.config.PriorConfig;
import org.priorkit.pretrain.RunFolder;

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

    /**
     * The checkpoint of this rung, given the full run's and the global-only run's folders and the
     * preset they ran (its stage names name the files); null for random init. The one place that
     * says which stage each rung is.
     */
    public Path checkpoint(Path fullRun, Path globalRun, PriorConfig preset) {
        return switch (this) {
            case RANDOM -> null;
            case GLOBAL -> stage(globalRun, preset, 0); // the global-only run's one stage has the first stage's name
            case LOCAL -> stage(fullRun, preset, 0);
            case PROTOTYPES -> stage(fullRun, preset, 1);
            case PRIOR -> stage(fullRun, preset, preset.stages().size() - 1);
        };
    }

    private static Path stage(Path run, PriorConfig preset, int index) {
        return RunFolder.stageCheckpoint(run, index, preset.stages().get(index).name());
    }
}
