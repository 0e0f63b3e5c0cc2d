package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;

/** A batch of a dense task: the images the encoder reads, and the task's targets beside them. */
public interface DenseBatch {

    /** (B, 1, H, W) normalised images. */
    NDArray images();
}
