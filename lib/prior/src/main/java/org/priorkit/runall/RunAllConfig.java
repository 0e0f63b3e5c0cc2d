package org.priorkit.runall;

import org.priorkit.data.split.DataFraction;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code kit run-all} does: where the data and the outputs go, how long pretraining runs, and
 * which label fractions and seeds the downstream tasks repeat over.
 *
 * @param data            the synthetic root (generated when missing) or real data in the same layout
 * @param out             pretraining runs, results.csv/md, plots/ and index.html
 * @param preset          model preset (tiny for CPU)
 * @param epochs          epochs of every pretraining stage (null: the preset's)
 * @param maxStepsPerStage stop each pretraining stage after this many steps (0: no limit)
 * @param fractions       label fractions of the supervised tasks (1%, 10%, 100%)
 * @param seeds           downstream seeds (mean +- std over them)
 * @param taskSteps       training steps of the segmentation and detection heads
 * @param smoke           a tiny data set and a few steps everywhere (checks the pipeline, not the method)
 * @param device          auto, cpu, gpu or gpu:N
 */
public record RunAllConfig(Path data, Path out, String preset, Integer epochs, long maxStepsPerStage,
                           List<DataFraction> fractions, List<Long> seeds, int taskSteps, boolean smoke, String device) {

    public RunAllConfig {
        if (data == null || out == null || preset == null) {
            throw new IllegalArgumentException("data, out and preset must be set");
        }
        if (fractions == null || fractions.isEmpty() || seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one fraction and one seed");
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (maxStepsPerStage < 0 || taskSteps < 1) {
            throw new IllegalArgumentException("maxStepsPerStage >= 0 and taskSteps >= 1 needed");
        }
        fractions = List.copyOf(fractions);
        seeds = List.copyOf(seeds);
    }

    /** The main job: the default synthetic set, the tiny preset, 1/10/100% labels, one seed. */
    public static RunAllConfig defaults() {
        return new RunAllConfig(Path.of("data/synthetic"), Path.of("runs/run-all"), "tiny", null, 0,
                List.of(DataFraction.parse("1%"), DataFraction.parse("10%"), DataFraction.parse("100%")),
                List.of(1L), 120, false, "auto");
    }

    /** Everything tiny: a check that the whole pipeline runs, in a minute or two. */
    public static RunAllConfig smoke(Path data, Path out) {
        return new RunAllConfig(data, out, "tiny", 1, 2, List.of(DataFraction.parse("100%")), List.of(1L), 2, true, "cpu");
    }

    public RunAllConfig withOut(Path o) {
        return new RunAllConfig(data, o, preset, epochs, maxStepsPerStage, fractions, seeds, taskSteps, smoke, device);
    }

    public RunAllConfig withData(Path d) {
        return new RunAllConfig(d, out, preset, epochs, maxStepsPerStage, fractions, seeds, taskSteps, smoke, device);
    }

    public RunAllConfig withSeeds(List<Long> s) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, s, taskSteps, smoke, device);
    }

    public RunAllConfig withEpochs(Integer e) {
        return new RunAllConfig(data, out, preset, e, maxStepsPerStage, fractions, seeds, taskSteps, smoke, device);
    }

    public RunAllConfig withDevice(String d) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, seeds, taskSteps, smoke, d);
    }
}
