/**
 * Cross-modality conditional reconstruction (PRIOR's stage 3): rebuild each modality from the other.
 *
 * <p>Dimensions: B batch, C image channels, I = h w image tokens, S sentences (padded, boolean
 * mask, true = real), Q decoder queries, D embedding, K prototypes.
 *
 * <ul>
 *   <li>{@link org.priorkit.recon.ImageDecoder} + {@link org.priorkit.recon.ImageReconstructionLoss}:
 *       image feature map with channel dropout (p 0.5), concatenated with the text-to-image context
 *       map of {@link org.priorkit.align.LocalAlignment}, upsampled back to the image; L1 to the image
 *       resized to the output. Block count and widths derive from the encoder's stride and channels.
 *   <li>{@link org.priorkit.recon.PrototypeDecoder}: Q learnable queries, N post-LN transformer
 *       decoder layers (self-attention without causal mask, cross-attention to the image tokens,
 *       FFN) built on {@link org.priorkit.nn.MultiHeadAttention}.
 *   <li>{@link org.priorkit.recon.HungarianMatcher}: pure-Java Kuhn-Munkres on the (B, Q, S) L1
 *       cost; one tensor op to build it, one copy to the CPU, the tiny assignment per sample.
 *   <li>{@link org.priorkit.recon.ReportReconstructionLoss}: on the matched pairs, three named terms
 *       (L1 to the true prototypes over REAL sentences only, codebook KL, and "global prediction":
 *       snapped + pooled decoded sentences vs the true report with the global InfoNCE).
 * </ul>
 *
 * <p>Gradient flow: the matching is discrete (no gradient); the reconstruction targets (true
 * prototypes for the L1, the true sentences' codebook distribution for the KL, the input image) are
 * detached, so these terms train the decoders and the codebook without pulling the true side toward
 * a poor reconstruction; the global-prediction InfoNCE is symmetric like the global loss, so the
 * true report feature receives its gradient too. Snapping uses the bank's deterministic assignment
 * (never Gumbel noise). The pooling is passed in as a function (the text encoder's report pooling
 * in the model), so this package does not depend on the text package.
 */
package org.priorkit.recon;
