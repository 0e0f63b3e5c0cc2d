package org.priorkit.data.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs independent jobs 0..n-1 on all cores and returns their results IN INDEX ORDER. Each job derives its
 * own random seed from its index, so the output does not depend on scheduling.
 */
final class Parallel {

    /** A job that may write files. */
    interface Job<R> {
        R run(int index) throws IOException;
    }

    private Parallel() {}

    static <R> List<R> map(int n, Job<R> job) throws IOException {
        try {
            return IntStream.range(0, n).parallel().mapToObj(i -> {
                try {
                    return job.run(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
