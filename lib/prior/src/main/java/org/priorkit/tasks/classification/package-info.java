/**
 * Supervised classification (the paper's downstream protocol): a linear probe on the frozen image
 * encoder ({@link org.priorkit.tasks.classification.LinearProbe}, features extracted once) or full
 * fine-tuning ({@link org.priorkit.tasks.classification.FineTune}), CheXpert's 5 competition labels
 * (multi-label, sigmoid BCE, label policy configurable) and RSNA pneumonia (binary), trained on a
 * seeded, stratified 1% / 10% / 100% of the training split
 * ({@link org.priorkit.tasks.classification.LabelFraction}). Entry:
 * {@link org.priorkit.tasks.classification.ClassificationTask#run(java.nio.file.Path, java.nio.file.Path,
 * org.priorkit.tasks.classification.ClassificationConfig)}.
 */
package org.priorkit.tasks.classification;
