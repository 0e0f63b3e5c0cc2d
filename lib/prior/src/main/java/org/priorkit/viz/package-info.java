/**
 * Pictures and charts for the notebooks and the run-all report: loss curves from a
 * {@code metrics.jsonl}, X-ray images from tensors, attention and mask overlays, boxes, similarity
 * heat maps, 2-D embeddings, ROC curves and confusion matrices.
 *
 * <p>Charts are XChart objects (the notebook kernel shows them inline; {@link Charts#savePng} writes
 * them); pictures are {@link java.awt.image.BufferedImage}s. Every helper is small and headless.
 */
package org.priorkit.viz;
