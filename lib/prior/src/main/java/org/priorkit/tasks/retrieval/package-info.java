/**
 * Image-to-text retrieval: the 5x200 images rank a pool of MIMIC-CXR test reports that carry exactly
 * one of the 5 competition labels ({@link org.priorkit.tasks.retrieval.ReportPool}); Precision@1/5/10,
 * a report counting as correct when it carries the image's class, in both directions, with a few
 * top-k examples for display.
 */
package org.priorkit.tasks.retrieval;
