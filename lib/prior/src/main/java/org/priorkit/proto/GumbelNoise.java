package org.priorkit.proto;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Where the Gumbel noise of {@link SentencePrototypeBank} comes from. Tests inject fixed noise (or
 * pass it as the bank's third input); training uses {@link #standard()}.
 */
@FunctionalInterface
public interface GumbelNoise {

    /** Standard Gumbel(0, 1) samples of the given shape and type. */
    NDArray sample(NDManager manager, Shape shape, DataType dataType);

    /**
     * {@code g = -log(-log(u))}, u uniform in (0, 1), from the engine's random generator (seed with
     * {@code Engine.getInstance().setRandomSeed}). Same distribution as PyTorch's
     * {@code -log(Exponential(1))} in {@code F.gumbel_softmax}.
     */
    static GumbelNoise standard() {
        return (manager, shape, dataType) -> {
            float tiny = 1e-10f; // keeps both logs finite
            NDArray u = manager.randomUniform(tiny, 1f - tiny, shape, dataType);
            return u.log().neg().log().neg();
        };
    }

    /** No noise: the bank's training pass becomes the deterministic softmax. */
    static GumbelNoise none() {
        return NDManager::zeros;
    }
}
