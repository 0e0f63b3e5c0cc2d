package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.config.LossTerm;
import org.priorkit.config.StageConfig;

import java.util.Map;

/**
 * What the trainer needs from a model: its block (for the parameters) and the named, UNWEIGHTED
 * loss terms of one batch. The trainer weights them with the stage's config, so the same model
 * serves every stage and every rung of the ablation ladder.
 *
 * @param <B> the typed batch it reads (PRIOR's: {@link PretrainBatch})
 */
public interface Objective<B> {

    /** The block whose parameters are trained and checkpointed (already initialised). */
    Block block();

    /** Loss terms of one batch, each a scalar, computing only the terms {@code stage} weighs. */
    Map<LossTerm, NDArray> losses(ParameterStore ps, B batch, StageConfig stage, boolean training);
}
