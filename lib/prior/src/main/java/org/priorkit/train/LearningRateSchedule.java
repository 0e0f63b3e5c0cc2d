package org.priorkit.train;

/**
 * Linear warmup then cosine decay, as a pure function of the step: what a stage's AdamW uses.
 *
 * <pre>
 *   lr(t) = peak * (t + 1) / W                             for t &lt; W
 *   lr(t) = peak * 0.5 * (1 + cos(pi * (t - W) / (N - W)))  for W &lt;= t &lt; N
 * </pre>
 * with W warmup steps and N total steps of the stage. Being pure, it is trivially resumable: the
 * step alone says where the schedule is.
 */
public final class LearningRateSchedule {

    private LearningRateSchedule() {}

    /**
     * @param step        0-based optimizer step within the stage
     * @param totalSteps  steps in the stage (N >= 1)
     * @param warmupSteps warmup steps (0 <= W <= N)
     * @param peak        learning rate at the end of warmup
     */
    public static double at(long step, long totalSteps, long warmupSteps, double peak) {
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("need 0 <= warmupSteps (" + warmupSteps + ") <= totalSteps ("
                    + totalSteps + ") and totalSteps >= 1");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps; // +1: the first step already learns
        }
        if (step >= totalSteps) {
            return 0;
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
