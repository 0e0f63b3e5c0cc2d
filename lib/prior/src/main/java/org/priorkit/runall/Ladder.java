package org.priorkit.runall;

import ai.djl.Device;
import org.priorkit.config.LossTerm;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.TrainOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The two pretraining runs the ablation ladder is cut from, and where each rung's checkpoint is:
 * the full PRIOR run ({@code out/pretrain-prior}, one checkpoint per stage) and the global-only
 * run ({@code out/pretrain-global-only}, stage 1 with the global InfoNCE alone). Checkpoint names
 * come from the preset's stage names ({@link Rung#checkpoint}), so renaming a stage renames the file
 * both lanes look for.
 *
 * @param preset    what pretraining runs with: the named preset, with run-all's (first) pretraining seed,
 *                  epochs and smoke settings
 * @param fullRun   the PRIOR run's folder
 * @param globalRun the global-only run's folder
 */
record Ladder(PriorConfig preset, Path fullRun, Path globalRun) {

    /** The ladder of a run-all configuration. */
    static Ladder of(RunAllConfig c) {
        PriorConfig preset = PriorConfig.preset(c.preset()).withSeed(c.pretrainSeeds().get(0));
        if (c.epochs() != null) {
            preset = PretrainJob.withEpochs(preset, c.epochs());
        }
        if (c.smoke()) {
            preset = preset.withBatchSize(4);
        }
        return new Ladder(preset, c.out().resolve("pretrain-prior"), c.out().resolve("pretrain-global-only"));
    }

    /**
     * The global-only rung's config: the preset's first stage with the global term alone, no prototypes,
     * and the same length (a preset that cuts its stages short, like notebook's, cuts this one too).
     */
    PriorConfig globalOnly() {
        StageConfig first = preset.stages().get(0);
        return preset.withStages(List.of(new StageConfig(first.name(), first.epochs(), first.peakLr(),
                first.warmupEpochs(), first.weightDecay(), Map.of(LossTerm.GLOBAL.id(), 1.0), false, first.maxSteps())));
    }

    /** The checkpoint whose encoder a rung evaluates; null for random init. */
    Path checkpoint(Rung rung) {
        return rung.checkpoint(fullRun, globalRun, preset);
    }

    /** Runs (or resumes) the three-stage PRIOR run. */
    void pretrainPrior(RunAllConfig c, List<Device> devices) throws IOException {
        new PretrainJob(c.data(), fullRun, preset, null, 0).run(devices,
                TrainOptions.defaults(fullRun).withMaxStepsPerStage(c.maxStepsPerStage()));
    }

    /** Runs (or resumes) the global-only run. */
    void pretrainGlobalOnly(RunAllConfig c, List<Device> devices) throws IOException {
        new PretrainJob(c.data(), globalRun, globalOnly(), null, 0).run(devices,
                TrainOptions.defaults(globalRun).withMaxStepsPerStage(c.maxStepsPerStage()));
    }
}
