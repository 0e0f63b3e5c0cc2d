package org.priorkit.train;

import ai.djl.ndarray.NDManager;

/**
 * One batch and the manager that owns its arrays (and everything a training step creates from
 * them): close it after the step and the step's memory goes with it.
 *
 * @param batch   the typed batch
 * @param manager owns the batch's arrays
 * @param size    samples in the batch
 */
public record ScopedBatch<B>(B batch, NDManager manager, int size) implements AutoCloseable {
    @Override
    public void close() {
        manager.close();
    }
}
