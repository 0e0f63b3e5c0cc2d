package org.priorkit.notebook;

import ai.djl.Device;
import org.priorkit.device.Devices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The notebooks' settings, read from environment variables so that CI runs them small and a
 * student runs them bigger without editing a cell (as d2l-java does with its epoch and data knobs).
 *
 * <pre>
 *   PRIOR_DEVICE      auto | cpu | gpu | gpu:N                              default auto
 *   PRIOR_PRESET      preset of the shared pretraining run                   default notebook (about 3 min)
 *   PRIOR_EPOCHS      epochs of each pretraining stage (0 = the preset's)    default 0
 *   PRIOR_MAX_STEPS   stop each stage after N steps (0 = no limit)           default 0
 *   PRIOR_DATA_SCALE  size of the synthetic set (1.0 = ~19,500 images, the   default 1.0
 *                     repository's data/synthetic if there)
 *   PRIOR_RUN         a finished pretraining run to use instead of building  default: none
 *                     one, e.g. runs/run-all/pretrain-prior
 *   PRIOR_DATA        root of REAL data (MIMIC-CXR-JPG, CheXpert, ...)       default: none, use the synthetic set
 *   PRIOR_WORK        cache of the synthetic set and the shared run          default &lt;repo&gt;/runs/notebooks,
 *                                                                            else ~/.cache/prior-kit/notebooks
 * </pre>
 * CI runs the notebooks with {@code PRIOR_EPOCHS=1 PRIOR_MAX_STEPS=8 PRIOR_DATA_SCALE=0.1}: they check the
 * code, not what it learns.
 *
 * @param data null when no real data is given (the notebooks then use the synthetic set)
 * @param run  null unless PRIOR_RUN names a finished run
 */
public record Knobs(String device, String preset, int epochs, long maxSteps, double dataScale, Path run, Path data,
                    Path work) {

    public static final String DEFAULT_PRESET = "notebook";
    public static final int DEFAULT_EPOCHS = 0;
    public static final long DEFAULT_MAX_STEPS = 0;
    public static final double DEFAULT_DATA_SCALE = 1.0;

    public Knobs {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("PRIOR_DEVICE must not be empty");
        }
        if (preset == null || preset.isBlank()) {
            throw new IllegalArgumentException("PRIOR_PRESET must not be empty");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("PRIOR_EPOCHS must be >= 0 (0 = the preset's), got " + epochs);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("PRIOR_MAX_STEPS must be >= 0 (0 = no limit), got " + maxSteps);
        }
        if (!(dataScale > 0) || dataScale > 10) {
            throw new IllegalArgumentException("PRIOR_DATA_SCALE must be in (0, 10], got " + dataScale);
        }
        if (work == null) {
            throw new IllegalArgumentException("work folder must be set");
        }
        work = work.toAbsolutePath().normalize();
        data = data == null ? null : data.toAbsolutePath().normalize();
        run = run == null ? null : run.toAbsolutePath().normalize();
    }

    /** The knobs of this process's environment, relative to the current folder. */
    public static Knobs fromEnvironment() {
        return from(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /** The knobs of {@code env}; {@code cwd} locates the repository, {@code home} the fallback cache. */
    public static Knobs from(Map<String, String> env, Path cwd, Path home) {
        String device = env.getOrDefault("PRIOR_DEVICE", "auto").strip();
        String preset = env.getOrDefault("PRIOR_PRESET", DEFAULT_PRESET).strip();
        int epochs = parse(env, "PRIOR_EPOCHS", DEFAULT_EPOCHS, Integer::parseInt);
        long maxSteps = parse(env, "PRIOR_MAX_STEPS", DEFAULT_MAX_STEPS, Long::parseLong);
        double scale = parse(env, "PRIOR_DATA_SCALE", DEFAULT_DATA_SCALE, Double::parseDouble);
        String data = env.get("PRIOR_DATA");
        String run = env.get("PRIOR_RUN");
        String work = env.get("PRIOR_WORK");
        // Relative paths start at the repository's root (Jupyter runs a kernel in the notebook's folder),
        // outside a repository at the current folder.
        Path repo = repository(cwd);
        Path base = repo != null ? repo : cwd;
        Path workDir = work != null && !work.isBlank() ? base.resolve(work.strip())
                : repo != null ? repo.resolve("runs").resolve("notebooks")
                : home.resolve(".cache").resolve("prior-kit").resolve("notebooks");
        return new Knobs(device.isEmpty() ? "auto" : device, preset.isEmpty() ? DEFAULT_PRESET : preset, epochs,
                maxSteps, scale, run == null || run.isBlank() ? null : base.resolve(run.strip()),
                data == null || data.isBlank() ? null : base.resolve(data.strip()), workDir);
    }

    /** True when PRIOR_DATA points at real data. */
    public boolean realData() {
        return data != null;
    }

    /** The DJL device PRIOR_DEVICE names. */
    public Device resolveDevice() {
        return Devices.resolve(device);
    }

    /** The kit's repository around {@code dir} (a folder holding lib/pom.xml and notebooks/), or null. */
    static Path repository(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("lib").resolve("pom.xml")) && Files.isDirectory(p.resolve("notebooks"))) {
                return p;
            }
        }
        return null;
    }

    private static <T> T parse(Map<String, String> env, String name, T fallback, java.util.function.Function<String, T> f) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return f.apply(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + v + "' is not a number", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "device %s, preset %s, epochs %s, max steps %d, data scale %s, run %s, data %s, work %s",
                device, preset, epochs == 0 ? "the preset's" : epochs, maxSteps, dataScale, run == null ? "built here" : run,
                data == null ? "synthetic" : data, work);
    }
}
