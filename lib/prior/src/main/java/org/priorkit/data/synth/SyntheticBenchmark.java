package org.priorkit.data.synth;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures drawing + JPEG encoding speed, without disk writes:
 * {@code java ... org.priorkit.data.synth.SyntheticBenchmark [images] [sizes...]} (default 2000 at 128 and 224).
 * Prints wall-clock images/s on all cores and CPU milliseconds per image (the figure that does not depend
 * on what else the machine is running).
 */
public final class SyntheticBenchmark {

    private SyntheticBenchmark() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<Integer> sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).map(Integer::valueOf).toList() : List.of(128, 224);
        SyntheticConfig cfg = SyntheticConfig.defaults();
        run(cfg, 200, 128);                                    // warm up the JIT
        for (int size : sizes) {
            run(cfg, n, size);
        }
    }

    private static void run(SyntheticConfig cfg, int n, int size) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        List<Integer> bytes = Parallel.map(n, i -> {
            StudyCase c = CaseSampler.general(new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.MIMIC, i)), cfg, true);
            RenderedImage img = ImageRenderer.render(c, size, cfg.difficulty(), i);
            return Jpeg.encode(img.pixels(), size).length;
        });
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        System.out.printf(Locale.ROOT, "%4d px: %6.0f images/s on %d cores (wall), %.2f CPU ms/image, "
                        + "%.1f KB/JPEG, system load %.1f%n", size, n / wall,
                Runtime.getRuntime().availableProcessors(), cpu / n,
                bytes.stream().mapToInt(Integer::intValue).average().orElse(0) / 1024, os.getSystemLoadAverage());
    }
}
