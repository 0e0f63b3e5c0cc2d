package org.priorkit.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.priorkit.tasks.dense.DenseBatch;

/**
 * A batch of images with their boxes and CenterNet targets; h x w is the output map (H/4 x W/4).
 *
 * @param images  (B, 1, H, W) normalised images
 * @param boxes   (B, M, 4) true boxes x, y, w, h in pixels, padded with rows of -1
 * @param heatmap (B, 1, h, w) Gaussian peaks at the box centres
 * @param boxSize (B, 2, h, w) box width and height in cells, at the centre cells
 * @param offset  (B, 2, h, w) sub-cell offset of each centre, at the centre cells
 * @param centres (B, 1, h, w) 1 at centre cells
 */
public record DetectionBatch(NDArray images, NDArray boxes, NDArray heatmap, NDArray boxSize, NDArray offset,
                             NDArray centres) implements DenseBatch {

    /** The typed view of {@link BoxSet} rows stacked: [images, boxes, heatmap, size, offset, centres]. */
    public static DetectionBatch of(NDList stacked) {
        return new DetectionBatch(stacked.get(0), stacked.get(1), stacked.get(2), stacked.get(3), stacked.get(4),
                stacked.get(5));
    }
}
