/**
 * PRIOR's pretraining, the application of the paper's blocks: from a MIMIC-CXR-style tree to stage
 * checkpoints.
 *
 * <ul>
 *   <li>{@link org.priorkit.pretrain.PretrainJob}: index the pairs, build the vocabulary, create the
 *       model, run (or resume) the stages; what {@code kit pretrain}, the notebooks and run-all call.</li>
 *   <li>{@link org.priorkit.pretrain.StageTrainer}: the stage loop, with a fresh AdamW per stage,
 *       checkpoints and resumption from {@code last.ckpt}.</li>
 *   <li>{@link org.priorkit.pretrain.PriorObjective}: the stage's named loss terms of one batch;
 *       {@link org.priorkit.pretrain.DataParallelObjective} splits a batch over several GPUs (weights
 *       broadcast inside the autograd graph, features gathered for the global InfoNCE).</li>
 *   <li>{@link org.priorkit.pretrain.ImageReportSamples}: image-report pairs as model inputs;
 *       {@link org.priorkit.pretrain.RunFolder}: a run's files, and an opened run for the notebooks.</li>
 * </ul>
 * The generic parts (optimizer, schedule, batch loading, metrics log) live in {@code org.priorkit.train}.
 */
package org.priorkit.pretrain;
