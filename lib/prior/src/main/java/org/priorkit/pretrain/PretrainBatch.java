package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * A batch of image-report pairs as the model takes it. B pairs, T tokens per report.
 *
 * @param images        (B, 1, H, W) float32, normalised
 * @param ids           (B, T) int32 WordPiece ids: [CLS] sentence tokens... [SEP], then padding
 * @param attentionMask (B, T) int32, 1 for real tokens
 * @param sentenceIndex (B, T) int32, the sentence each token belongs to; -1 for [CLS], [SEP] and padding
 */
public record PretrainBatch(NDArray images, NDArray ids, NDArray attentionMask, NDArray sentenceIndex) {

    /** The typed view of rows stacked by {@link ImageReportSamples}: [images, ids, attentionMask, sentenceIndex]. */
    public static PretrainBatch of(NDList stacked) {
        if (stacked.size() != 4) {
            throw new IllegalArgumentException("a pretraining batch has 4 arrays (images, ids, attention mask, "
                    + "sentence index), got " + stacked.size());
        }
        return new PretrainBatch(stacked.get(0), stacked.get(1), stacked.get(2), stacked.get(3));
    }

    /** B, the number of pairs. */
    public long size() {
        return images.getShape().get(0);
    }

    /** The pairs {@code from} (inclusive) to {@code to} (exclusive), copied to {@code device} into {@code manager}. */
    public PretrainBatch slice(long from, long to, Device device, NDManager manager) {
        NDIndex rows = new NDIndex("{}:{}", from, to);
        NDArray[] parts = {images, ids, attentionMask, sentenceIndex};
        NDArray[] out = new NDArray[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].get(rows).toDevice(device, false); // (n, ...)
            out[i].attach(manager);
        }
        return new PretrainBatch(out[0], out[1], out[2], out[3]);
    }
}
