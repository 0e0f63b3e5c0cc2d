package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

import java.util.List;

/**
 * An image with its report's sentences, after augmentation.
 *
 * @param image     the (augmented) image
 * @param sentences the report's sentences, side words swapped when the image was mirrored
 * @param flipped   whether the image was mirrored left-right
 */
public record ImageReportPair(GrayImage image, List<String> sentences, boolean flipped) {

    public ImageReportPair {
        if (image == null || sentences == null) {
            throw new IllegalArgumentException("image and sentences are required");
        }
        sentences = List.copyOf(sentences);
    }
}
