package org.priorkit.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Batchifier;

/**
 * Samples by index, with a per-sample seed for random augmentation, and the typed view of a batch
 * of them. The seed comes from the trainer (run seed, stage, epoch, index), so a resumed run draws
 * the same augmentations as an uninterrupted one, whatever thread loads the sample.
 *
 * <p>A sample is a few arrays ({@link #get}); the loader stacks the rows of a batch array by array
 * and hands the stack to {@link #batch}, which names them: code that trains or evaluates reads
 * {@code batch.images()}, never {@code batch.get(0)}.
 *
 * @param <B> the typed batch, e.g. a record of (B, ...) arrays
 */
public interface SampleSource<B> {

    long size();

    /** Sample {@code index} as the arrays of one batch row, created in {@code manager}. */
    NDList get(NDManager manager, long index, long seed);

    /** The typed batch of rows stacked array by array (each array gains a leading batch axis B). */
    B batch(NDList stacked);

    /** The samples {@code indices}, unaugmented (seed 0), stacked and typed: a batch to look at. */
    default B batchOf(NDManager manager, int... indices) {
        NDList[] rows = new NDList[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = get(manager, indices[i], 0);
        }
        NDList stacked = Batchifier.STACK.batchify(rows);
        stacked.attach(manager);
        return batch(stacked);
    }
}
