package org.priorkit.tasks.classification;

import org.priorkit.data.split.DataFraction;
import org.priorkit.data.split.FractionSampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The 1% / 10% / 100% label fractions of a training split, seeded. Stratified by the images' label
 * pattern ({@link FractionSampler}), then topped up so that every class has at least
 * {@code minPositives} positives (or all the split has, if fewer): a 1% sample of a few hundred
 * images must not leave a class without a single positive, where AUROC training means nothing.
 * Same records, fraction and seed: the same subset, in input order.
 */
public final class LabelFraction {

    private LabelFraction() {}

    public static List<LabeledImage> sample(List<LabeledImage> train, DataFraction fraction, long seed,
                                            int minPositives) {
        if (minPositives < 0) {
            throw new IllegalArgumentException("minPositives must be >= 0, got " + minPositives);
        }
        List<LabeledImage> picked = FractionSampler.sample(train, fraction, seed, LabeledImage::pattern);
        if (train.isEmpty() || minPositives == 0) {
            return picked;
        }
        Set<LabeledImage> chosen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        chosen.addAll(picked);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int classes = train.get(0).targets().length;
        for (int c = 0; c < classes; c++) {
            int have = 0;
            for (LabeledImage r : chosen) {
                have += r.targets()[c] == 1f ? 1 : 0;
            }
            List<LabeledImage> spare = new ArrayList<>();
            for (LabeledImage r : train) {
                if (r.targets()[c] == 1f && !chosen.contains(r)) {
                    spare.add(r);
                }
            }
            Collections.shuffle(spare, random);
            for (int i = 0; i < spare.size() && have < minPositives; i++, have++) {
                chosen.add(spare.get(i));
            }
        }
        List<LabeledImage> out = new ArrayList<>();
        for (LabeledImage r : train) {
            if (chosen.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Positives per class in {@code records}. */
    public static int[] positives(List<LabeledImage> records, int classes) {
        int[] out = new int[classes];
        for (LabeledImage r : records) {
            for (int c = 0; c < classes; c++) {
                out[c] += r.targets()[c] == 1f ? 1 : 0;
            }
        }
        return out;
    }
}
