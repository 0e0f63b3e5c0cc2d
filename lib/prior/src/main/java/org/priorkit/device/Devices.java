package org.priorkit.device;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns the kit's {@code --device auto|cpu|gpu[:N]} option into a DJL {@link Device}.
 *
 * <p>{@code auto} picks the first GPU when the engine sees one and otherwise falls back to the CPU
 * with one clear line, so the same command runs on a laptop and on a GPU server. Asking for a GPU
 * that is not there is an error: silently training for hours on the CPU is worse than stopping.
 */
public final class Devices {

    /** The device {@link #use} chose for this process; null until then. */
    private static volatile Device current;

    private Devices() {}

    /**
     * Makes {@code device} the process-wide device of the kit's entry points (tasks, run-all),
     * as a command's {@code --device} option does once at start.
     */
    public static void use(Device device) {
        current = device;
    }

    /** The device chosen with {@link #use}, else the engine's default (first GPU, or the CPU). */
    public static Device current() {
        Device d = current;
        return d != null ? d : Engine.getInstance().defaultDevice();
    }

    /** Parses and resolves a device spec against the GPUs the engine can see. */
    public static Device resolve(String spec) {
        return resolve(spec, Engine.getInstance().getGpuCount(), System.err::println);
    }

    /**
     * Pure version of {@link #resolve(String)}: {@code gpuCount} is what the engine reports and
     * {@code notice} receives the one-line fallback message.
     */
    public static Device resolve(String spec, int gpuCount, Consumer<String> notice) {
        String s = normalise(spec);
        if (s.contains(",") || isAllGpus(s)) {
            throw new IllegalArgumentException("--device '" + spec + "': several devices split only pretraining"
                    + " batches (pretrain, run-all); give this command one device");
        }
        if (s.isEmpty() || s.equals("auto")) {
            if (gpuCount > 0) {
                return Device.gpu(0);
            }
            notice.accept("device auto: no GPU visible to the PyTorch engine, using the CPU"
                    + " (see README, 'GPU' section, to enable CUDA)");
            return Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.equals("gpu") || s.equals("cuda") || s.startsWith("gpu:") || s.startsWith("cuda:")) {
            int index = 0;
            int colon = s.indexOf(':');
            if (colon >= 0) {
                try {
                    index = Integer.parseInt(s.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "--device '" + spec + "': the GPU index after ':' must be a number");
                }
                if (index < 0) {
                    throw new IllegalArgumentException(
                            "--device '" + spec + "': the GPU index must be >= 0");
                }
            }
            if (index >= gpuCount) {
                throw missingGpu(spec, gpuCount);
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException(
                "--device '" + spec + "' is not one of auto, cpu, gpu, gpu:N");
    }

    /**
     * The devices to split each pretraining batch over: {@code gpus} (every GPU the engine sees) or a
     * comma list such as {@code gpu:0,gpu:1}; any single spec gives one device, as {@link #resolve}.
     */
    public static List<Device> resolveAll(String spec, int gpuCount, Consumer<String> notice) {
        String s = normalise(spec);
        if (isAllGpus(s)) {
            if (gpuCount == 0) {
                throw missingGpu(spec, gpuCount);
            }
            List<Device> all = new ArrayList<>();
            for (int i = 0; i < gpuCount; i++) {
                all.add(Device.gpu(i));
            }
            return all;
        }
        List<Device> out = new ArrayList<>();
        for (String part : s.split(",")) {
            Device d = resolve(part, gpuCount, notice);
            if (out.contains(d)) {
                throw new IllegalArgumentException("--device '" + spec + "' names " + d + " twice");
            }
            out.add(d);
        }
        return out;
    }

    /** {@link #resolveAll(String, int, Consumer)} against the GPUs the engine can see. */
    public static List<Device> resolveAll(String spec) {
        return resolveAll(spec, Engine.getInstance().getGpuCount(), System.err::println);
    }

    private static String normalise(String spec) {
        return spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isAllGpus(String normalised) {
        return normalised.equals("gpus") || normalised.equals("gpu:all");
    }

    private static IllegalArgumentException missingGpu(String spec, int gpuCount) {
        return new IllegalArgumentException("--device '" + spec + "': the engine sees "
                + (gpuCount == 0 ? "no GPU" : gpuCount + " GPU(s)") + ". Build with the CUDA profile (mvn -Pcuda,"
                + " see README) on a machine with a GPU, or use --device auto|cpu");
    }

    /** One line describing the engine: name, version and the device chosen. */
    public static String describe(Device device) {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion() + " on " + device
                + " (GPUs visible: " + engine.getGpuCount() + ")";
    }
}
