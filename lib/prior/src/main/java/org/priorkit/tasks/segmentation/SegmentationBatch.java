package org.priorkit.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.priorkit.tasks.dense.DenseBatch;

/**
 * A batch of images with their masks.
 *
 * @param images (B, 1, H, W) normalised images
 * @param masks  (B, 1, H, W) 0/1 target masks
 */
public record SegmentationBatch(NDArray images, NDArray masks) implements DenseBatch {

    /** The typed view of {@link MaskSet} rows stacked: [images, masks]. */
    public static SegmentationBatch of(NDList stacked) {
        return new SegmentationBatch(stacked.get(0), stacked.get(1));
    }
}
