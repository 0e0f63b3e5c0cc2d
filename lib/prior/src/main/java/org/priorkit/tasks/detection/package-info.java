/**
 * Object detection on the PRIOR image encoder: {@link org.priorkit.tasks.detection.Detection#run}.
 *
 * <p>Protocol (the paper's, after MGCA): RSNA pneumonia, positive images only (optionally all), split
 * 6:2:2 by patientId, 1% / 10% / 100% of the training split (seeded), encoder frozen or fine-tuned;
 * on the test split the RSNA challenge metric (mean over IoU 0.40..0.75 of TP / (TP + FP + FN),
 * boxes below a score threshold chosen on the validation split dropped) and AP at IoU 0.5.
 *
 * <p>The detector is CenterNet-style ({@link org.priorkit.tasks.detection.CenterNetHead}): heatmap,
 * size and offset on one stride-4 map, no anchors. Chosen over RetinaNet (anchors on five pyramid
 * levels, anchor matching) and FCOS (per-level assignment, centerness) because RSNA images carry one
 * to four large boxes, a two-core CPU pays for every operator, and CenterNet's targets encode and
 * decode exactly ({@link org.priorkit.tasks.detection.CenterNetTargets},
 * {@link org.priorkit.tasks.detection.CenterNetDecoder}), which a student can check by hand and a
 * test pins. Decoded peaks still pass NMS: the RSNA metric counts a duplicate as a false positive.
 * Loss: {@link org.priorkit.tasks.detection.CenterNetLoss} (penalty-reduced focal + L1 size and offset).
 */
package org.priorkit.tasks.detection;
