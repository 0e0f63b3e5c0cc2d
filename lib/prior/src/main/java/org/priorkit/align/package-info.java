/**
 * Alignment between an image and its report: the first thing PRIOR learns.
 *
 * <p>Dimensions: B batch, I image tokens, S sentences (padded, with a boolean mask, true = real),
 * D embedding.
 *
 * <ul>
 *   <li>{@link org.priorkit.align.GlobalAlignmentLoss}: CLIP's symmetric InfoNCE between the global
 *       image feature and the report feature, with a {@link org.priorkit.align.LearnableTemperature}.
 *   <li>{@link org.priorkit.align.LocalAlignment}: sigmoid cross-attention both ways inside ONE pair;
 *       text-aware image tokens (B, I, D), image-aware sentences (B, S, D), and the sentence-to-region
 *       map (B, S, I) the notebooks draw.
 *   <li>{@link org.priorkit.align.LocalImageLoss} with the {@link org.priorkit.align.SimSiamPredictor}:
 *       negative cosine without negatives, stop-gradient on the target side, both ways.
 *   <li>{@link org.priorkit.align.LocalTextLoss}: InfoNCE among the real sentences of one report,
 *       as (B, S, S) masked logits with its own temperature.
 * </ul>
 *
 * <p>Design: modules return features, each loss is its own class computing one named term; the
 * stage configuration weighs and sums them. Everything is batched with masks: padded sentences
 * never reach a loss (zero attention weight as keys, masked columns and zero weight as rows). The
 * official code loops over the pairs of a batch; {@link org.priorkit.align.NaiveLocalAlignment} keeps
 * that loop (for teaching and {@code kit bench}), and the tests check the batched classes against it.
 * Scalars are typed like the tensors ({@link org.priorkit.nn.Scalars}) so float32 losses do not turn
 * float64.
 */
package org.priorkit.align;
