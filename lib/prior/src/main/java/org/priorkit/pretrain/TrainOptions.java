package org.priorkit.pretrain;

import java.nio.file.Path;

/**
 * How a pretraining run is carried out (not what is learned: that is {@code PriorConfig}).
 *
 * @param runDir           checkpoints ({@code last.ckpt}, {@code stage-N.ckpt}) and {@code metrics.jsonl}
 * @param checkpointEvery  write {@code last.ckpt} every this many steps (a kill loses at most these)
 * @param loaderThreads    threads decoding and augmenting samples
 * @param prefetch         batches loaded ahead of the step
 * @param maxStepsPerStage stop a stage early after this many steps (0 = the full schedule; for smoke runs)
 * @param progressBar      draw a progress bar on stderr (else a line every {@code logEvery} steps)
 * @param logEvery         print a progress line every this many steps when there is no bar
 */
public record TrainOptions(Path runDir, int checkpointEvery, int loaderThreads, int prefetch,
                           long maxStepsPerStage, boolean progressBar, int logEvery) {

    public TrainOptions {
        if (runDir == null) {
            throw new IllegalArgumentException("runDir must be set");
        }
        if (checkpointEvery < 1 || loaderThreads < 1 || prefetch < 1 || logEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery, loaderThreads, prefetch and logEvery must be >= 1");
        }
        if (maxStepsPerStage < 0) {
            throw new IllegalArgumentException("maxStepsPerStage must be >= 0 (0 = no limit)");
        }
    }

    /** Sensible defaults: a checkpoint every 50 steps, 2 loader threads, 4 batches ahead. */
    public static TrainOptions defaults(Path runDir) {
        return new TrainOptions(runDir, 50, 2, 4, 0, System.console() != null, 10);
    }

    public TrainOptions withCheckpointEvery(int n) {
        return new TrainOptions(runDir, n, loaderThreads, prefetch, maxStepsPerStage, progressBar, logEvery);
    }

    public TrainOptions withMaxStepsPerStage(long n) {
        return new TrainOptions(runDir, checkpointEvery, loaderThreads, prefetch, n, progressBar, logEvery);
    }

    /** Threads decoding samples and batches loaded ahead of the step. */
    public TrainOptions withLoading(int threads, int batchesAhead) {
        return new TrainOptions(runDir, checkpointEvery, threads, batchesAhead, maxStepsPerStage, progressBar, logEvery);
    }

    /** A progress bar, or (without one) a line every {@code everySteps} steps. */
    public TrainOptions withProgress(boolean bar, int everySteps) {
        return new TrainOptions(runDir, checkpointEvery, loaderThreads, prefetch, maxStepsPerStage, bar, everySteps);
    }
}
