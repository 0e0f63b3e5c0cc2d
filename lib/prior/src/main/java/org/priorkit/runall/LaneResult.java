package org.priorkit.runall;

import org.priorkit.report.ResultRow;

import java.util.List;
import java.util.Map;

/**
 * What one lane of run-all hands to the report: the rungs it ran and the wall time of its phases.
 *
 * @param seconds phase name -> wall seconds
 * @param rungs   in the order they ran
 */
record LaneResult(Map<String, Double> seconds, List<RungSummary> rungs) {

    /**
     * One rung's part of the report.
     *
     * @param rung the ladder rung
     * @param rows every metric of every task, fraction and seed
     * @param roc  the CheXpert probe's ROC curve for one class at 100% labels (null when 100% was not run)
     */
    record RungSummary(Rung rung, List<ResultRow> rows, RocCurve roc) {}

    /** A ROC curve with its class and AUROC, as the report's ROC figure draws it. */
    record RocCurve(String className, double auroc, double[] fpr, double[] tpr) {}
}
