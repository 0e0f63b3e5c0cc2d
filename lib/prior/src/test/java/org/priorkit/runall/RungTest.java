package org.priorkit.runall;

import org.junit.jupiter.api.Test;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each rung's checkpoint is named after the preset's stages, so both lanes agree whatever the stages are called. */
class RungTest {

    @Test
    void checkpointNamesFollowTheStageNames() {
        PriorConfig tiny = PriorConfig.tiny();
        List<StageConfig> renamed = List.of(rename(tiny.stages().get(0), "warm"), rename(tiny.stages().get(1), "codebook"),
                rename(tiny.stages().get(2), "decode"));
        PriorConfig preset = tiny.withStages(renamed);
        Path full = Path.of("out/pretrain-prior");
        Path global = Path.of("out/pretrain-global-only");
        assertNull(Rung.RANDOM.checkpoint(full, global, preset));
        assertEquals(global.resolve("stage-1-warm.ckpt"), Rung.GLOBAL.checkpoint(full, global, preset));
        assertEquals(full.resolve("stage-1-warm.ckpt"), Rung.LOCAL.checkpoint(full, global, preset));
        assertEquals(full.resolve("stage-2-codebook.ckpt"), Rung.PROTOTYPES.checkpoint(full, global, preset));
        assertEquals(full.resolve("stage-3-decode.ckpt"), Rung.PRIOR.checkpoint(full, global, preset));
    }

    @Test
    void theGlobalOnlyRunsStageHasTheFirstStagesName() {
        Ladder ladder = Ladder.of(RunAllConfig.smoke(Path.of("data"), Path.of("out")));
        StageConfig only = ladder.globalOnly().stages().get(0);
        assertEquals(1, ladder.globalOnly().stages().size());
        assertEquals(ladder.preset().stages().get(0).name(), only.name());
        assertEquals(List.of("global"), List.copyOf(only.lossWeights().keySet()));
    }

    @Test
    void theGlobalOnlyRunIsAsLongAsThePresetsFirstStage() {
        RunAllConfig d = RunAllConfig.defaults();
        RunAllConfig notebook = new RunAllConfig(d.data(), d.out(), "notebook", null, 0, d.fractions(), d.seeds(),
                d.pretrainSeeds(), d.taskSteps(), false, "cpu", 1);
        StageConfig first = Ladder.of(notebook).preset().stages().get(0);
        StageConfig only = Ladder.of(notebook).globalOnly().stages().get(0);
        assertEquals(800, first.maxSteps(), "the notebook preset cuts stage 1");
        assertEquals(first.maxSteps(), only.maxSteps());
        assertEquals(first.epochs(), only.epochs());
    }

    private static StageConfig rename(StageConfig s, String name) {
        return new StageConfig(name, s.epochs(), s.peakLr(), s.warmupEpochs(), s.weightDecay(), s.lossWeights(),
                s.usePrototypes());
    }
}
