package org.priorkit.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pretraining stage: how long, how fast, and which named loss terms with which weights.
 * Stage 2 and 3 add terms; the trainer sums {@code weight * term} over {@link #weights()}.
 *
 * @param name         "align", "prototype" or "reconstruct"
 * @param epochs       passes over the pretraining pairs
 * @param peakLr       AdamW learning rate after warmup
 * @param warmupEpochs linear warmup length, then cosine decay to 0 within the stage
 * @param weightDecay  AdamW weight decay
 * @param lossWeights  term id ({@link LossTerm#id()}) -> weight, as presets and checkpoints write
 *                     them; terms not listed are not computed
 * @param usePrototypes whether sentence prototypes replace sentence features (stage 2 on)
 * @param maxSteps     if positive, the stage ends after this many steps even if its epochs are not done
 *                     (the learning-rate schedule then spans these steps); 0 = whole epochs
 */
public record StageConfig(String name, int epochs, double peakLr, double warmupEpochs, double weightDecay,
                          Map<String, Double> lossWeights, boolean usePrototypes, int maxSteps) {

    /** A stage of whole epochs. */
    public StageConfig(String name, int epochs, double peakLr, double warmupEpochs, double weightDecay,
                       Map<String, Double> lossWeights, boolean usePrototypes) {
        this(name, epochs, peakLr, warmupEpochs, weightDecay, lossWeights, usePrototypes, 0);
    }

    public StageConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("stage.name must not be empty");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("stage " + name + ": epochs must be >= 0, got " + epochs);
        }
        if (!(peakLr > 0)) {
            throw new IllegalArgumentException("stage " + name + ": peakLr must be > 0, got " + peakLr);
        }
        if (warmupEpochs < 0 || (epochs > 0 && warmupEpochs > epochs)) {
            throw new IllegalArgumentException("stage " + name + ": warmupEpochs must be in [0, epochs], got " + warmupEpochs);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("stage " + name + ": maxSteps must be >= 0 (0 = whole epochs), got " + maxSteps);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("stage " + name + ": weightDecay must be >= 0");
        }
        if (lossWeights == null || lossWeights.isEmpty()) {
            throw new IllegalArgumentException("stage " + name + ": lossWeights must name at least one term");
        }
        for (Map.Entry<String, Double> e : lossWeights.entrySet()) {
            try {
                LossTerm.of(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("stage " + name + ": " + unknown.getMessage(), unknown);
            }
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("stage " + name + ": weight of " + e.getKey() + " must be >= 0");
            }
        }
        lossWeights = Collections.unmodifiableMap(new TreeMap<>(lossWeights));
    }

    /**
     * The weighted terms: what the objective computes and the trainer sums, in the order of their
     * ids (the order of {@link #lossWeights()}; the sum's rounding depends on it, so it stays fixed).
     */
    public Map<LossTerm, Double> weights() {
        Map<LossTerm, Double> out = new LinkedHashMap<>();
        lossWeights.forEach((id, w) -> out.put(LossTerm.of(id), w));
        return Collections.unmodifiableMap(out);
    }

    /** Whether the stage weighs {@code term}. */
    public boolean weighs(LossTerm term) {
        return lossWeights.containsKey(term.id());
    }

    /** The same stage with another number of epochs (the warmup shrinks with it if needed). */
    public StageConfig withEpochs(int newEpochs) {
        return new StageConfig(name, newEpochs, peakLr, Math.min(warmupEpochs, newEpochs), weightDecay, lossWeights,
                usePrototypes, maxSteps);
    }

    /** The same stage ending after at most {@code steps} steps (0 = whole epochs). */
    public StageConfig withMaxSteps(int steps) {
        return new StageConfig(name, epochs, peakLr, warmupEpochs, weightDecay, lossWeights, usePrototypes, steps);
    }

    /** The stage's length in steps, for an epoch of {@code perEpoch} steps. */
    public long steps(long perEpoch) {
        long whole = epochs * perEpoch;
        return maxSteps > 0 ? Math.min(whole, maxSteps) : whole;
    }
}
