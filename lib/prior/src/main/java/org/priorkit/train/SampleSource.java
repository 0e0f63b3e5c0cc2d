package org.priorkit.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;

/**
 * Samples by index, with a per-sample seed for random augmentation. The seed comes from the
 * trainer (run seed, stage, epoch, index), so a resumed run draws the same augmentations as an
 * uninterrupted one, whatever thread loads the sample.
 */
public interface SampleSource {

    long size();

    /** Sample {@code index} as the arrays of one batch row, created in {@code manager}. */
    NDList get(NDManager manager, long index, long seed);

    /** A DJL dataset as a source (its own randomness, if any, is not seeded by the trainer). */
    static SampleSource of(RandomAccessDataset dataset) {
        return new SampleSource() {
            @Override
            public long size() {
                return dataset.size();
            }

            @Override
            public NDList get(NDManager manager, long index, long seed) {
                try {
                    Record r = dataset.get(manager, index);
                    NDList all = new NDList(r.getData());
                    all.addAll(r.getLabels());
                    return all;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot load sample " + index, e);
                }
            }
        };
    }
}
