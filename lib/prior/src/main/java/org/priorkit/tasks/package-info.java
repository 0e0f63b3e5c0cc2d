/**
 * PRIOR's downstream tasks, shared helpers. Every task takes a
 * {@link org.priorkit.pretrain.TaskModel}, opened the one way the kit opens an encoder (a
 * pretraining checkpoint of any stage, or a randomly initialised model of the asked preset: the
 * "random-init" rung of the ablation ladder), works in batches on CPU or GPU, is seeded, and returns a result record with
 * the per-class numbers and what a notebook needs to plot them.
 *
 * <ul>
 *   <li>{@link org.priorkit.tasks.TaskData}: where CheXpert, the 5x200 set, RSNA and MIMIC-CXR live
 *       under a data root (the synthetic tree or real sets laid out the same way);</li>
 *   <li>{@link org.priorkit.tasks.FeatureExtractor}: the frozen image encoder over a list of images
 *       -> global features (N, D) as plain floats;</li>
 *   <li>{@link org.priorkit.tasks.TextEmbedder}: the frozen text side over reports -> report
 *       features (N, D), with the sentences (or their prototypes) that local alignment sees.</li>
 * </ul>
 * Tasks: {@code tasks.classification} (linear probe and fine-tuning, CheXpert and RSNA, 1/10/100%
 * labels), {@code tasks.zeroshot} (CheXpert 5x200 with PRIOR's global + 0.5 local score),
 * {@code tasks.retrieval} (5x200 images against single-label MIMIC-CXR test reports, Precision@K).
 * Each has a static {@code run(dataRoot, checkpointOrNull, config)} entry for scripts, and the same with
 * a {@code TaskData} instead of the root (carrying {@code --max-bad}'s share) for the CLI.
 *
 * <p>Speed: the tiny preset's ops are small, and PyTorch's intra-op threads then mostly wait for each
 * other. On the 2-core build machine, busy with other jobs, {@code -Dai.djl.pytorch.num_threads=1}
 * (or {@code OMP_NUM_THREADS=1}) ran all tasks on the default synthetic set in 30 s instead of 204 s.
 * Results are deterministic for a given seed AND thread count (fine-tuning's float sums change with
 * the number of threads).
 */
package org.priorkit.tasks;
