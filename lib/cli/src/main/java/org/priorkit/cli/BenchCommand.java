package org.priorkit.cli;

import org.priorkit.config.PriorConfig;
import org.priorkit.pretrain.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code kit bench}: step time per stage, images/s, memory, Hungarian share, batched vs loop speedup. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a preset on random inputs: per-stage step time, images/s, memory, matching share.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "tiny", description = "tiny, notebook (tiny with a 3-minute schedule) or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--batch", defaultValue = "16", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--steps", defaultValue = "20", description = "timed steps per stage (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--memory-steps", defaultValue = "0",
            description = "extra steps of the last stage (every loss term) to check that memory stays flat, e.g. 1000 (default: ${DEFAULT-VALUE})")
    int memorySteps;

    @Option(names = "--load", defaultValue = "0",
            description = "time the stages again while this many busy threads compete for the CPU, and print the slowdown (e.g. 4 on 2 cores; default: ${DEFAULT-VALUE})")
    int load;

    @Mixin DeviceOption device;

    @Override
    public Integer call() {
        PriorConfig config = PriorConfig.preset(preset).withBatchSize(batch);
        System.out.print(Benchmark.run(config, steps, memorySteps, load, device.resolve()));
        return 0;
    }
}
