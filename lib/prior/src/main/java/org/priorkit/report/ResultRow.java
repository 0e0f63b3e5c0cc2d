package org.priorkit.report;

/**
 * One number of the results table: a task's metric for one rung of the ablation ladder, one label
 * fraction, one pretraining run and one downstream seed.
 *
 * @param rung     e.g. "random init", "global only", "+ local", "+ prototypes", "PRIOR"
 * @param task     e.g. "CheXpert linear probe", "zero-shot 5x200", "SIIM segmentation"
 * @param metric   e.g. "macro AUROC", "accuracy", "P@5", "Dice", "RSNA mAP"
 * @param fraction label fraction in percent, 0 for the tasks that train on no labels (zero-shot, retrieval)
 * @param pretrainSeed the seed of the pretraining run the rung's encoder comes from
 * @param seed     the downstream seed of this repetition (split, label sample, head)
 * @param value    the metric's value
 */
public record ResultRow(String rung, String task, String metric, double fraction, long pretrainSeed, long seed,
                        double value) {

    public ResultRow {
        if (rung == null || task == null || metric == null) {
            throw new IllegalArgumentException("rung, task and metric must be set");
        }
        if (!(fraction >= 0 && fraction <= 100)) {
            throw new IllegalArgumentException("fraction is a percentage in [0, 100] (0: no labels), got " + fraction);
        }
    }

    /** The column this row lands in: "task: metric @ 1%" ("task: metric" for label-free tasks). */
    public String column() {
        return column(metricName(), fraction);
    }

    /** The column of a metric name ("task: metric") at a fraction (0: no labels). */
    public static String column(String metricName, double fraction) {
        return fraction == 0 ? metricName : metricName + " @ " + percent(fraction);
    }

    /** "task: metric", the column within one fraction's table. */
    public String metricName() {
        return task + ": " + metric;
    }

    /** "1%", "10%", "100%", "0.5%". */
    public static String percent(double fraction) {
        return (fraction == Math.rint(fraction) ? String.valueOf((int) fraction) : String.valueOf(fraction)) + "%";
    }
}
