/**
 * Zero-shot classification of CheXpert 5x200 with PRIOR's score: softmax over classes of the
 * (scaled) global image-report cosine plus 0.5 x softmax of the local similarity (how strongly the
 * prompt's sentence prototypes attend to the image's regions, as the official code). Definitions in
 * {@link org.priorkit.tasks.zeroshot.ZeroShot} and {@link org.priorkit.tasks.zeroshot.ZeroShotScoring};
 * prompts ("&lt;class&gt; is observed", or GLoRIA-style ensembles) in
 * {@link org.priorkit.tasks.zeroshot.Prompts}.
 */
package org.priorkit.tasks.zeroshot;
