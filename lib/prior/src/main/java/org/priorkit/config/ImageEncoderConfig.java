package org.priorkit.config;

import java.util.Set;

/**
 * The image side: a ResNet of {@code depth} 18, 34 or 50 on {@code imageSize} x {@code imageSize}
 * single-channel images, CLIP-style attention pooling with {@code poolHeads} heads.
 * {@code widthDivisor} shrinks every ResNet stage's channels (1 = torchvision widths) so the tiny
 * preset trains on a laptop.
 */
public record ImageEncoderConfig(int depth, int imageSize, int widthDivisor, int poolHeads) {

    public ImageEncoderConfig {
        if (!Set.of(18, 34, 50).contains(depth)) {
            throw new IllegalArgumentException("image.depth must be 18, 34 or 50, got " + depth);
        }
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("image.imageSize must be a multiple of 32 (the ResNet stride), got " + imageSize);
        }
        if (widthDivisor < 1 || 64 % widthDivisor != 0) {
            throw new IllegalArgumentException("image.widthDivisor must divide 64, got " + widthDivisor);
        }
        if (poolHeads < 1) {
            throw new IllegalArgumentException("image.poolHeads must be >= 1, got " + poolHeads);
        }
    }

    /** Channels of the last feature map: 512 (18/34) or 2048 (50), divided by the width divisor. */
    public int featureChannels() {
        return (depth == 50 ? 2048 : 512) / widthDivisor;
    }

    /** Side of the last feature map: the ResNet divides the image by 32. */
    public int featureSize() {
        return imageSize / 32;
    }
}
