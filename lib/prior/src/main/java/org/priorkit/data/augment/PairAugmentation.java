package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Resize;

import java.util.List;
import java.util.Random;

/**
 * The image-report augmentation for pretraining: resize, random affine, horizontal flip (with the report's
 * sides swapped, see {@link HorizontalFlip}). Deterministic for a given Random; meant to run in data loader
 * threads, one Random per thread or per sample (java.util.Random is thread-safe but then shared draws
 * depend on thread timing).
 */
public record PairAugmentation(Resize resize, RandomAffine affine, HorizontalFlip flip) {

    public PairAugmentation {
        if (resize == null || affine == null || flip == null) {
            throw new IllegalArgumentException("resize, affine and flip are required");
        }
    }

    /** PRIOR's setting: resize to size x size, rotate up to 5 degrees, flip half of the pairs. */
    public static PairAugmentation prior(int size) {
        return new PairAugmentation(new Resize(size, size), RandomAffine.rotation(5), new HorizontalFlip(0.5));
    }

    public ImageReportPair apply(GrayImage image, List<String> sentences, Random random) {
        GrayImage turned = affine.apply(resize.apply(image), random);
        return flip.apply(turned, sentences, random);
    }
}
