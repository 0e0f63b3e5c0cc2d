/**
 * Generic training pieces that know nothing of PRIOR: AdamW with named moments, the warmup + cosine
 * learning rate as a pure function, seeded and prefetched batches, and the JSON-lines metrics log.
 * PRIOR's stage loop uses them ({@code org.priorkit.pretrain}), and so do the downstream tasks.
 */
package org.priorkit.train;
