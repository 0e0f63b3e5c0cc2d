/**
 * The sentence prototype bank (SPB): sentences described by a learned vocabulary of K prototypes.
 *
 * <p>Dimensions: B batch, S sentences (padded, boolean mask, true = real), D embedding, K prototypes.
 *
 * <ul>
 *   <li>{@link org.priorkit.proto.SentencePrototypeBank}: scores s . E^T, soft Gumbel-softmax
 *       (tau 0.9) in training, deterministic softmax or argmax at evaluation (the official code
 *       adds noise at test time; this one never does). The noise is injectable
 *       ({@link org.priorkit.proto.GumbelNoise} or a third input) so tests are exact.
 *   <li>{@link org.priorkit.proto.PrototypeL1Loss}: mean |prototype - s| over real sentences;
 *       lambda_proto = 10 lives in the stage configuration.
 *   <li>{@link org.priorkit.proto.PrototypeKLLoss}: decoded vs true sentences' codebook
 *       distributions (used by the report reconstruction of stage 3).
 * </ul>
 *
 * <p>Gradient flow, as the paper describes it: the soft Gumbel-softmax is differentiable, so the L1
 * loss trains the codebook E (through a . E and through the scores) and also pulls the sentence
 * features s toward their prototypes; no straight-through estimator and no stop-gradient are
 * needed, and none is used (a VQ-VAE-style split into codebook and commitment terms would be a
 * different method). In the KL term the true sentences' distribution is the target and is
 * detached; the decoder and the codebook receive its gradient.
 */
package org.priorkit.proto;
