/**
 * Semantic segmentation on the PRIOR image encoder: {@link org.priorkit.tasks.segmentation.Segmentation#run}.
 *
 * <p>Protocol (the paper's, after MGCA): SIIM-ACR pneumothorax, positive images only, split 6:2:2 by
 * patient (SIIM's CSV has no patient id, so by ImageId: one image per patient), 1% / 10% / 100% of
 * the training split (seeded), encoder frozen or fine-tuned, Dice at probability 0.5 on the test
 * split, averaged over images (an image with an empty truth and an empty prediction scores 1).
 * RSNA's boxes filled as masks are the optional second set.
 *
 * <p>Pieces: {@link org.priorkit.tasks.segmentation.SegmentationHead} (U-Net decoder, 1x1 conv,
 * bilinear x4), {@link org.priorkit.tasks.segmentation.SegmentationLoss} (BCE + soft Dice),
 * {@link org.priorkit.tasks.segmentation.SegmentationData} and
 * {@link org.priorkit.tasks.segmentation.MaskSet} (splits and batch rows),
 * {@link org.priorkit.tasks.segmentation.SegmentationConfig} and
 * {@link org.priorkit.tasks.segmentation.SegmentationResult} (Dice, per-image Dice, overlay examples).
 */
package org.priorkit.tasks.segmentation;
