package org.priorkit.data.mimic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Turns a pair into the model's input arrays. The data package does not tokenize: the text side
 * (WordPiece ids, sentence index per token, masks) is added by an encoder the trainer supplies.
 */
@FunctionalInterface
public interface PairEncoder {

    /**
     * @param manager where new arrays go
     * @param pair the record (sentences included)
     * @param image the loaded image, {@code (1, H, W)}
     * @return the data arrays of one sample
     */
    NDList encode(NDManager manager, MimicPair pair, NDArray image);

    /** The image alone: for image-only use and until a tokenizer is plugged in. */
    static PairEncoder imageOnly() {
        return (manager, pair, image) -> new NDList(image);
    }
}
