package org.priorkit.runall;

import org.priorkit.config.PriorConfig;
import org.priorkit.data.split.DataFraction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param pretrainSeeds   seeds of the pretraining runs (the preset's seed, 42, by default); with several,
 *                        each gets its own PRIOR and global-only run and every rung is evaluated on each, so
 *                        the tables average over pretraining runs too (see {@link #forPretrainSeed})
 * @param taskSteps       training steps of the segmentation and detection heads
 * @param smoke           a tiny data set and a few steps everywhere (checks the pipeline, not the method)
 * @param device          auto, cpu, gpu or gpu:N
 * @param lanes           1, or 2 to run the rungs that do not need the PRIOR run (global-only pretraining,
 *                        random init) in a second JVM beside it, one PyTorch thread each by default; CPU only (see
 *                        {@link SecondLane})
 */
public record RunAllConfig(Path data, Path out, String preset, Integer epochs, long maxStepsPerStage,
                           List<DataFraction> fractions, List<Long> seeds, List<Long> pretrainSeeds, int taskSteps,
                           boolean smoke, String device, int lanes) {

    public RunAllConfig {
        if (data == null || out == null || preset == null) {
            throw new IllegalArgumentException("data, out and preset must be set");
        }
        if (fractions == null || fractions.isEmpty() || seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one fraction and one seed");
        }
        if (pretrainSeeds == null || pretrainSeeds.isEmpty() || pretrainSeeds.size() != Set.copyOf(pretrainSeeds).size()) {
            throw new IllegalArgumentException("at least one pretraining seed, each once, got " + pretrainSeeds);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (maxStepsPerStage < 0 || taskSteps < 1) {
            throw new IllegalArgumentException("maxStepsPerStage >= 0 and taskSteps >= 1 needed");
        }
        if (lanes != 1 && lanes != 2) {
            throw new IllegalArgumentException("lanes must be 1 or 2, got " + lanes);
        }
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("device must be set (auto, cpu, gpu or gpu:N)");
        }
        fractions = List.copyOf(fractions);
        seeds = List.copyOf(seeds);
        pretrainSeeds = List.copyOf(pretrainSeeds);
    }

    /** The main job: the default synthetic set, the tiny preset, 1/10/100% labels, one seed, two lanes. */
    public static RunAllConfig defaults() {
        return new RunAllConfig(Path.of("data/synthetic"), Path.of("runs/run-all"), "tiny", null, 0,
                List.of(DataFraction.parse("1%"), DataFraction.parse("10%"), DataFraction.parse("100%")),
                List.of(1L), List.of(PriorConfig.tiny().seed()), 120, false, "auto", 2);
    }

    /** Everything tiny: a check that the whole pipeline runs (both lanes), in a minute or two. */
    public static RunAllConfig smoke(Path data, Path out) {
        return new RunAllConfig(data, out, "tiny", 1, 2, List.of(DataFraction.parse("100%")), List.of(1L),
                List.of(PriorConfig.tiny().seed()), 2, true, "cpu", 2);
    }

    /** The settings as {@code key=value} arguments, read back by {@link #fromArgs} (how the second lane gets them). */
    public List<String> toArgs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data.toAbsolutePath().toString());
        m.put("out", out.toAbsolutePath().toString());
        m.put("preset", preset);
        m.put("epochs", epochs == null ? "" : epochs.toString());
        m.put("maxStepsPerStage", Long.toString(maxStepsPerStage));
        m.put("fractions", String.join(",", fractions.stream().map(f -> Double.toString(f.value())).toList()));
        m.put("seeds", String.join(",", seeds.stream().map(String::valueOf).toList()));
        m.put("pretrainSeeds", String.join(",", pretrainSeeds.stream().map(String::valueOf).toList()));
        m.put("taskSteps", Integer.toString(taskSteps));
        m.put("smoke", Boolean.toString(smoke));
        m.put("device", device);
        m.put("lanes", Integer.toString(lanes));
        List<String> args = new ArrayList<>();
        m.forEach((k, v) -> args.add(k + "=" + v));
        return args;
    }

    /** Parses {@link #toArgs}; a missing or unknown key is an error that names it. */
    public static RunAllConfig fromArgs(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("run-all argument '" + a + "' is not key=value");
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        List<String> keys = List.of("data", "out", "preset", "epochs", "maxStepsPerStage", "fractions", "seeds",
                "pretrainSeeds", "taskSteps", "smoke", "device", "lanes");
        for (String k : m.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException("unknown run-all argument '" + k + "' (known: " + keys + ")");
            }
        }
        for (String k : keys) {
            if (!m.containsKey(k)) {
                throw new IllegalArgumentException("run-all argument '" + k + "' is missing");
            }
        }
        return new RunAllConfig(Path.of(m.get("data")), Path.of(m.get("out")), m.get("preset"),
                m.get("epochs").isEmpty() ? null : Integer.valueOf(m.get("epochs")), Long.parseLong(m.get("maxStepsPerStage")),
                java.util.Arrays.stream(m.get("fractions").split(",")).map(DataFraction::parse).toList(),
                java.util.Arrays.stream(m.get("seeds").split(",")).map(Long::valueOf).toList(),
                java.util.Arrays.stream(m.get("pretrainSeeds").split(",")).map(Long::valueOf).toList(),
                Integer.parseInt(m.get("taskSteps")), Boolean.parseBoolean(m.get("smoke")), m.get("device"),
                Integer.parseInt(m.get("lanes")));
    }

    public RunAllConfig withOut(Path o) {
        return new RunAllConfig(data, o, preset, epochs, maxStepsPerStage, fractions, seeds, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    public RunAllConfig withData(Path d) {
        return new RunAllConfig(d, out, preset, epochs, maxStepsPerStage, fractions, seeds, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    public RunAllConfig withSeeds(List<Long> s) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, s, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    public RunAllConfig withEpochs(Integer e) {
        return new RunAllConfig(data, out, preset, e, maxStepsPerStage, fractions, seeds, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    public RunAllConfig withDevice(String d) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, seeds, pretrainSeeds, taskSteps, smoke, d, lanes);
    }

    public RunAllConfig withLanes(int n) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, seeds, pretrainSeeds, taskSteps, smoke, device, n);
    }

    public RunAllConfig withPreset(String p) {
        return new RunAllConfig(data, out, p, epochs, maxStepsPerStage, fractions, seeds, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    /** Stop every pretraining stage after {@code n} steps (0: the preset's full schedule). */
    public RunAllConfig withMaxStepsPerStage(long n) {
        return new RunAllConfig(data, out, preset, epochs, n, fractions, seeds, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    public RunAllConfig withFractions(List<DataFraction> f) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, f, seeds, pretrainSeeds, taskSteps, smoke, device, lanes);
    }

    /** Training steps of the segmentation and detection heads. */
    public RunAllConfig withTaskSteps(int n) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, seeds, pretrainSeeds, n, smoke, device, lanes);
    }

    public RunAllConfig withPretrainSeeds(List<Long> s) {
        return new RunAllConfig(data, out, preset, epochs, maxStepsPerStage, fractions, seeds, s, taskSteps, smoke, device, lanes);
    }

    /**
     * The job of one pretraining run: only that seed, and for any seed but the first its own folder
     * ({@code out/pretrain-seed-43/}) for the pretraining runs and the second lane's files; the first
     * seed's runs stay in {@code out/} (so {@code runs/run-all/pretrain-prior} is always there).
     */
    public RunAllConfig forPretrainSeed(long seed) {
        Path o = seed == pretrainSeeds.get(0) ? out : out.resolve("pretrain-seed-" + seed);
        return new RunAllConfig(data, o, preset, epochs, maxStepsPerStage, fractions, seeds, List.of(seed), taskSteps,
                smoke, device, lanes);
    }
}
