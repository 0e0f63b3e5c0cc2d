package org.priorkit.tasks.retrieval;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An image-to-text retrieval run.
 *
 * @param ks        the K of Precision@K (paper: 1, 5, 10); a K above the number of candidates gives NaN
 * @param splits    MIMIC-CXR official splits the candidate reports come from (default: test)
 * @param examples  queries kept with their top hits for display
 * @param topK      hits kept per example
 * @param batchSize images or reports per forward pass
 * @param preset    model preset of a random-init run (ignored when a checkpoint is given)
 */
public record RetrievalConfig(List<Integer> ks, Set<String> splits, int examples, int topK, int batchSize,
                              String preset) {

    public RetrievalConfig {
        ks = List.copyOf(ks);
        splits = Set.copyOf(splits);
        Objects.requireNonNull(preset, "preset");
        if (ks.isEmpty() || ks.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("ks must be non-empty and >= 1: " + ks);
        }
        if (splits.isEmpty() || !Set.of("train", "validate", "test").containsAll(splits)) {
            throw new IllegalArgumentException("splits must be among train, validate, test: " + splits);
        }
        if (examples < 0 || topK < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need examples >= 0, topK >= 1, batchSize >= 1");
        }
    }

    /** P@1/5/10, MIMIC test reports, one example per class with its top 5, batch 64, tiny preset. */
    public static RetrievalConfig defaults() {
        return new RetrievalConfig(List.of(1, 5, 10), Set.of("test"), 5, 5, 64, "tiny");
    }

    public RetrievalConfig withSplits(Set<String> s) {
        return new RetrievalConfig(ks, s, examples, topK, batchSize, preset);
    }

    public RetrievalConfig withPreset(String p) {
        return new RetrievalConfig(ks, splits, examples, topK, batchSize, p);
    }
}
