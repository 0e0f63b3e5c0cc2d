package org.priorkit.report;

/**
 * One number of the results table: a task's metric for one rung of the ablation ladder, one label
 * fraction and one seed.
 *
 * @param rung     e.g. "random init", "global only", "+ local", "+ prototypes", "PRIOR"
 * @param task     e.g. "CheXpert linear probe", "zero-shot 5x200", "SIIM segmentation"
 * @param metric   e.g. "macro AUROC", "accuracy", "P@5", "Dice", "RSNA mAP"
 * @param fraction label fraction in percent (100 where the task has none)
 * @param seed     the seed of this repetition
 * @param value    the metric's value
 */
public record ResultRow(String rung, String task, String metric, double fraction, long seed, double value) {

    public ResultRow {
        if (rung == null || task == null || metric == null) {
            throw new IllegalArgumentException("rung, task and metric must be set");
        }
        if (!(fraction > 0 && fraction <= 100)) {
            throw new IllegalArgumentException("fraction is a percentage in (0, 100], got " + fraction);
        }
    }

    /** The column this row lands in: "task: metric @ 1%" (the fraction only where below 100%). */
    public String column() {
        String f = fraction >= 100 ? "" : " @ " + (fraction == Math.rint(fraction) ? String.valueOf((int) fraction) : String.valueOf(fraction)) + "%";
        return task + ": " + metric + f;
    }
}
