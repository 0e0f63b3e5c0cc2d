package org.priorkit.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

class BatchLoaderTest {

    /** Sample i is the scalar row [i]; a batch is its stacked (B, 1) array. */
    private static class Indices implements SampleSource<NDList> {
        private final int size;

        Indices(int size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public NDList get(NDManager manager, long index, long seed) {
            return new NDList(manager.create(new float[] {index}));
        }

        @Override
        public NDList batch(NDList stacked) {
            return stacked;
        }
    }

    private static List<float[]> batches(BatchLoader<NDList> loader, long epoch, long first) {
        List<float[]> out = new ArrayList<>();
        for (ScopedBatch<NDList> b : loader.epoch(7, 0, epoch, first)) {
            try (b) {
                out.add(b.batch().head().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void anEpochIsASeededPermutationInFullBatchesAndResumesMidEpoch() {
        try (NDManager m = NDManager.newBaseManager();
             BatchLoader<NDList> loader = new BatchLoader<>(new Indices(10), m, 3, 2, 2)) {
            List<float[]> epoch0 = batches(loader, 0, 0);
            assertEquals(3, epoch0.size(), "10 samples in batches of 3: the incomplete last batch is dropped");
            float[] seen = new float[9];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(epoch0.get(i), 0, seen, 3 * i, 3);
            }
            float[] sorted = seen.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                assertNotEquals(sorted[i - 1], sorted[i], "a sample twice in one epoch: " + Arrays.toString(seen));
            }
            List<float[]> again = batches(loader, 0, 0);
            List<float[]> resumed = batches(loader, 0, 1);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(epoch0.get(i), again.get(i), "same (seed, stage, epoch), same batches");
            }
            assertEquals(2, resumed.size());
            assertArrayEquals(epoch0.get(1), resumed.get(0), "resuming at batch 1 gives batch 1 of the epoch");
            assertArrayEquals(epoch0.get(2), resumed.get(1));
            assertFalse(Arrays.equals(BatchLoader.order(10, 7, 0, 0), BatchLoader.order(10, 7, 0, 1)),
                    "another epoch, another order");
        }
    }

    /**
     * Training stops with batches still loading ahead. Closing the loader must wait for a load in
     * flight: the caller frees the parent manager next, and a load still running would create and
     * stack arrays in freed native memory.
     */
    @Test
    void closeWaitsForABatchStillLoading() throws Exception {
        assertCloseWaits(false);
    }

    /** A stopped notebook cell closes the loader with its interrupt set: it must wait all the same. */
    @Test
    void anInterruptedCallerStillWaitsAndKeepsItsInterrupt() throws Exception {
        assertCloseWaits(true);
    }

    private static void assertCloseWaits(boolean interruptedCaller) throws Exception {
        int secondBatchFirstRow = BatchLoader.order(4, 7, 0, 0)[2]; // batches of 2: row 2 starts batch 1
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondDone = new AtomicBoolean();
        SampleSource<NDList> slow = new Indices(4) {
            @Override
            public NDList get(NDManager manager, long index, long seed) {
                if (index != secondBatchFirstRow) {
                    return super.get(manager, index, seed);
                }
                secondStarted.countDown();
                try {
                    assertTrue(release.await(60, TimeUnit.SECONDS), "the test never released the load");
                } catch (InterruptedException e) {
                    throw new IllegalStateException("the loader interrupted a load in flight", e);
                }
                NDList row = super.get(manager, index, seed);
                secondDone.set(true);
                return row;
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            BatchLoader<NDList> loader = new BatchLoader<>(slow, m, 2, 1, 2);
            Iterator<ScopedBatch<NDList>> it = loader.epoch(7, 0, 0, 0).iterator();
            try (ScopedBatch<NDList> first = it.next()) { // training stops after one batch
                assertEquals(2, first.size());
            }
            assertTrue(secondStarted.await(60, TimeUnit.SECONDS), "the second batch never started loading");
            AtomicBoolean doneWhenClosed = new AtomicBoolean();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread closer = new Thread(() -> {
                if (interruptedCaller) {
                    Thread.currentThread().interrupt();
                }
                loader.close();
                doneWhenClosed.set(secondDone.get());
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            closer.start();
            // Release the load only once close() waits for it (or has returned without waiting).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (closer.getState() != Thread.State.TIMED_WAITING && closer.getState() != Thread.State.TERMINATED) {
                assertTrue(System.nanoTime() < deadline, "close() neither waited nor returned");
                Thread.onSpinWait();
            }
            release.countDown();
            closer.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(closer.isAlive(), "close() did not return");
            assertTrue(doneWhenClosed.get(), "close() returned while a batch was still loading");
            assertEquals(interruptedCaller, stillInterrupted.get(), "the caller's interrupt is kept, never made up");
        }
    }
}
