/**
 * Zero-shot classification of CheXpert 5x200 with PRIOR's score: softmax over classes of the
 * (scaled) global image-report cosine plus 0.5 x softmax of the local prototype similarity (the
 * image-aware prompt sentence vs the prompt sentence's prototype). Definitions in
 * {@link org.priorkit.tasks.zeroshot.ZeroShot} and {@link org.priorkit.tasks.zeroshot.ZeroShotScoring};
 * prompts ("&lt;class&gt; is observed", or GLoRIA-style ensembles) in
 * {@link org.priorkit.tasks.zeroshot.Prompts}.
 */
package org.priorkit.tasks.zeroshot;
