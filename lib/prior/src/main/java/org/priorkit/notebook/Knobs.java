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
 *   PRIOR_DEVICE      auto | cpu | gpu | gpu:N                           default auto
 *   PRIOR_EPOCHS      epochs of each pretraining stage                    default 1
 *   PRIOR_MAX_STEPS   stop each stage after N steps (0 = no limit)        default 8
 *   PRIOR_DATA_SCALE  size of the synthetic set (1.0 = ~12,500 images)   default 0.1
 *   PRIOR_DATA        root of REAL data (MIMIC-CXR-JPG, CheXpert, ...)    default: none, use the synthetic set
 *   PRIOR_WORK        cache of the synthetic set and the shared run       default &lt;repo&gt;/runs/notebooks,
 *                                                                         else ~/.cache/prior-kit/notebooks
 * </pre>
 *
 * @param data null when no real data is given (the notebooks then use the synthetic set)
 */
public record Knobs(String device, int epochs, long maxSteps, double dataScale, Path data, Path work) {

    public static final int DEFAULT_EPOCHS = 1;
    public static final long DEFAULT_MAX_STEPS = 8;
    public static final double DEFAULT_DATA_SCALE = 0.1;

    public Knobs {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("PRIOR_DEVICE must not be empty");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("PRIOR_EPOCHS must be >= 1, got " + epochs);
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
    }

    /** The knobs of this process's environment, relative to the current folder. */
    public static Knobs fromEnvironment() {
        return from(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    /** The knobs of {@code env}; {@code cwd} locates the repository, {@code home} the fallback cache. */
    public static Knobs from(Map<String, String> env, Path cwd, Path home) {
        String device = env.getOrDefault("PRIOR_DEVICE", "auto").strip();
        int epochs = parse(env, "PRIOR_EPOCHS", DEFAULT_EPOCHS, Integer::parseInt);
        long maxSteps = parse(env, "PRIOR_MAX_STEPS", DEFAULT_MAX_STEPS, Long::parseLong);
        double scale = parse(env, "PRIOR_DATA_SCALE", DEFAULT_DATA_SCALE, Double::parseDouble);
        String data = env.get("PRIOR_DATA");
        String work = env.get("PRIOR_WORK");
        Path workDir;
        if (work != null && !work.isBlank()) {
            workDir = cwd.resolve(work.strip());
        } else {
            Path repo = repository(cwd);
            workDir = repo != null ? repo.resolve("runs").resolve("notebooks")
                    : home.resolve(".cache").resolve("prior-kit").resolve("notebooks");
        }
        return new Knobs(device.isEmpty() ? "auto" : device, epochs, maxSteps, scale,
                data == null || data.isBlank() ? null : cwd.resolve(data.strip()), workDir);
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
        return String.format(Locale.ROOT, "device %s, epochs %d, max steps %d, data scale %s, data %s, work %s",
                device, epochs, maxSteps, dataScale, data == null ? "synthetic" : data, work);
    }
}
