package org.priorkit.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Batchifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Batches of one epoch in a seeded order, loaded ahead of the training step by worker threads so
 * image decoding and augmentation overlap with the model's work.
 *
 * <p>The order is a function of (seed, stage, epoch) only, and a loader can start in the middle of
 * an epoch: that is how a killed run resumes on exactly the batches it had not yet seen.
 * Incomplete last batches are dropped (InfoNCE wants full batches). Each batch lives in its own
 * sub-manager; close it (the {@link ScopedBatch}) after the step.
 *
 * <p>Close the loader before the parent manager: {@link #close} waits for a batch still being
 * loaded, which would otherwise create and stack arrays in a manager the caller is freeing.
 *
 * @param <B> the typed batch of the source
 */
public final class BatchLoader<B> implements AutoCloseable {

    private final SampleSource<B> source;
    private final NDManager parent;
    private final int batchSize;
    private final int prefetch;
    private final ThreadPoolExecutor workers;

    public BatchLoader(SampleSource<B> source, NDManager parent, int batchSize, int threads, int prefetch) {
        if (batchSize < 1 || threads < 1 || prefetch < 1) {
            throw new IllegalArgumentException("batchSize, threads and prefetch must be >= 1");
        }
        this.source = source;
        this.parent = parent;
        this.batchSize = batchSize;
        this.prefetch = prefetch;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "prior-batch-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** Full batches per epoch. */
    public long batchesPerEpoch() {
        return source.size() / batchSize;
    }

    /** The sample order of one epoch: a permutation seeded by (seed, stage, epoch). */
    public static int[] order(long size, long seed, int stage, long epoch) {
        int[] idx = new int[Math.toIntExact(size)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Random r = new Random(Seeds.mix(seed, stage, epoch));
        for (int i = idx.length - 1; i > 0; i--) { // Fisher-Yates
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** Seed for the augmentation of one sample of one epoch. */
    static long sampleSeed(long seed, int stage, long epoch, int index) {
        return Seeds.mix(seed, stage, epoch, index, 1);
    }

    /**
     * The batches of {@code epoch} from batch number {@code firstBatch} on, prefetched. Iterate
     * and close each {@link ScopedBatch} after use.
     */
    public Iterable<ScopedBatch<B>> epoch(long seed, int stage, long epoch, long firstBatch) {
        int[] order = order(source.size(), seed, stage, epoch);
        long total = batchesPerEpoch();
        return () -> new java.util.Iterator<>() {
            private long next = firstBatch; // next batch to submit
            private final Deque<Future<ScopedBatch<B>>> queue = new ArrayDeque<>();

            private void fill() {
                while (queue.size() < prefetch && next < total) {
                    long b = next++;
                    queue.add(workers.submit(() -> load(order, b, seed, stage, epoch)));
                }
            }

            @Override
            public boolean hasNext() {
                fill();
                return !queue.isEmpty();
            }

            @Override
            public ScopedBatch<B> next() {
                fill();
                try {
                    return queue.removeFirst().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading a batch", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re; // the data error itself, naming its file
                    }
                    throw new IllegalStateException("loading a batch failed: " + cause, cause);
                }
            }
        };
    }

    private ScopedBatch<B> load(int[] order, long batch, long seed, int stage, long epoch) {
        NDManager m = parent.newSubManager();
        try {
            List<NDList> rows = new ArrayList<>(batchSize);
            for (int k = 0; k < batchSize; k++) {
                int index = order[Math.toIntExact(batch * batchSize + k)];
                rows.add(source.get(m, index, sampleSeed(seed, stage, epoch, index)));
            }
            NDList stacked = Batchifier.STACK.batchify(rows.toArray(new NDList[0]));
            stacked.attach(m);
            return new ScopedBatch<>(source.batch(stacked), m, batchSize);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * Drops the batches not yet started and waits for the ones being loaded. Training stops with up
     * to {@code prefetch} batches ahead, and the caller frees the parent manager next: a load still
     * running would create and stack arrays in freed native memory. No interrupt: it would close a
     * file channel under an image read. An interrupted caller (a stopped notebook cell closes the
     * loader on its way out) still waits; its interrupt is kept for the code above.
     */
    @Override
    public void close() {
        workers.getQueue().clear();
        workers.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (workers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    throw new IllegalStateException("a batch is still loading after 5 minutes");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
