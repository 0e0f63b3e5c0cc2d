/**
 * What segmentation and detection share: the image encoder's source (random init or a pretraining
 * checkpoint), its four ResNet stage maps, a U-Net-style decoder over them, and one training loop.
 *
 * <h2>Design notes</h2>
 * <ul>
 *   <li>{@link org.priorkit.tasks.dense.Encoders}: a dense task gets a whole
 *       {@link org.priorkit.model.PriorModel} from {@link org.priorkit.pretrain.TaskModel} (random
 *       for the ablation's "random-init" rung, or loaded strictly from a run folder / .ckpt) and uses only
 *       its ResNet's C2..C5 maps. Frozen mode runs the ResNet in inference mode and cuts its maps from the
 *       gradient graph, so neither weights nor BatchNorm statistics can move.</li>
 *   <li>{@link org.priorkit.tasks.dense.UNetDecoder}: upsample x2, concatenate the skip, two
 *       conv-BN-ReLU, from C5 down to stride 4; widths default to the skip's channels, so the decoder
 *       scales with the encoder (tiny preset 16/32/64, ResNet-50 256/512/1024) instead of being
 *       hard-coded. It stops at stride 4: full-resolution features would triple the decoder's cost on
 *       a CPU for little gain; the heads upsample their one-channel outputs instead.</li>
 *   <li>{@link org.priorkit.tasks.dense.DenseTrainer}: AdamW with warmup and cosine decay, counted in
 *       steps so that 1%, 10% and 100% runs cost the same time; seeded batch order and per-step
 *       engine seed, so a run repeats exactly on CPU. No augmentation: the runs are short and the
 *       comparison between encoders, not the absolute score, is the point.</li>
 * </ul>
 */
package org.priorkit.tasks.dense;
