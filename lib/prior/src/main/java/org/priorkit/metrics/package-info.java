/**
 * Evaluation metrics for the downstream tasks: pure static functions on primitive arrays, no state and no
 * dependency on the rest of the kit (JDK only).
 *
 * <p>Classification metrics follow scikit-learn and are tested against its values
 * ({@code src/test/python/metrics_golden.py}); the segmentation and detection metrics are tested against
 * hand-computed examples. Bad input (length mismatch, a label that is not 0/1, a class index out of range)
 * throws {@link java.lang.IllegalArgumentException}; an undefined value (AUROC with one class only, kappa with
 * no expected disagreement, a detection mean over no images) is {@code NaN}.
 */
package org.priorkit.metrics;
