package org.priorkit.metrics;

/** Precision, recall and F1 (macro averages from {@link PrecisionRecallF1#macro}). */
public record Prf(double precision, double recall, double f1) {}
