package org.priorkit.tasks.zeroshot;

import java.util.Objects;

/**
 * A zero-shot run on the CheXpert 5x200 set.
 *
 * @param prompts     class prompts (default PRIOR's "&lt;class&gt; is observed"); their classes must be
 *                    the 5x200 classes, in the competition order
 * @param localWeight weight of the local (prototype) term: score = softmax(global) + w softmax(local); PRIOR: 0.5
 * @param batchSize   images per forward pass
 * @param preset      model preset of a random-init run (ignored when a checkpoint is given)
 */
public record ZeroShotConfig(Prompts prompts, double localWeight, int batchSize, String preset) {

    public ZeroShotConfig {
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(preset, "preset");
        if (!(localWeight >= 0) || !Double.isFinite(localWeight)) {
            throw new IllegalArgumentException("localWeight must be finite and >= 0, got " + localWeight);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
    }

    /** PRIOR's prompt, local weight 0.5, batch 64, tiny preset. */
    public static ZeroShotConfig defaults() {
        return new ZeroShotConfig(Prompts.prior(), 0.5, 64, "tiny");
    }

    public ZeroShotConfig withPrompts(Prompts p) {
        return new ZeroShotConfig(p, localWeight, batchSize, preset);
    }

    public ZeroShotConfig withLocalWeight(double w) {
        return new ZeroShotConfig(prompts, w, batchSize, preset);
    }

    public ZeroShotConfig withPreset(String p) {
        return new ZeroShotConfig(prompts, localWeight, batchSize, p);
    }
}
