/**
 * The image side of PRIOR: a backbone, attention pooling to a global feature, and local tokens.
 *
 * <p>Dimensions: B batch, H x W image, h x w last feature map, C its channels, I = h*w image tokens,
 * Dout global feature width.
 *
 * <h2>Design notes</h2>
 * <ul>
 *   <li>{@link org.priorkit.vision.ResNet} is written for the kit (DJL's ResNetV1 hides the stage
 *       maps and builds ResNet-18/34 from bottlenecks): torchvision's layout and names, one input
 *       channel, no fc, and it returns C2..C5 so segmentation and detection heads can reuse it.
 *       Golden tests run torchvision's own ResNet-18/50 (weights from a shared formula, since the
 *       real ones are too big to commit).</li>
 *   <li>{@link org.priorkit.vision.AttentionPool2d} is CLIP's: mean token as the query, learned
 *       positional embedding of (I+1, C) sized from the input at initialisation. Another map size is
 *       an error, not a silent interpolation.</li>
 *   <li>{@link org.priorkit.vision.ImageEncoder} returns [global (B, Dout), tokens (B, I, C),
 *       map (B, C, h, w)], tokens = {@code map.flatten(2).transpose(1, 2)}: token i is cell
 *       (i / w, i % w). The official PRIOR code's {@code view(B, -1, C)} is wrong and is not
 *       reproduced; {@code ImageEncoder.toMap} inverts the order for the reconstruction decoder.</li>
 *   <li>Any block whose last output is the final map can be the backbone, e.g. a
 *       {@link org.priorkit.vision.TorchScriptImageEncoder} wrapping a user's exported ResNet-50.</li>
 * </ul>
 */
package org.priorkit.vision;
