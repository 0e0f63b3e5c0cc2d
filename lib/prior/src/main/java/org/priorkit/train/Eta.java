package org.priorkit.train;

import java.util.Locale;

/**
 * Time left of a loop, estimated from its mean step time so far, as people read it: "ETA 3m12s".
 * Used by every progress line of the kit (pretraining stages, the downstream tasks' training).
 */
public final class Eta {

    private Eta() {}

    /**
     * "ETA ..." after {@code done} of {@code total} steps took {@code elapsedNanos}; "ETA ?" before the first step.
     */
    public static String of(long elapsedNanos, long done, long total) {
        if (done <= 0) {
            return "ETA ?";
        }
        double left = elapsedNanos / 1e9 / done * Math.max(0, total - done);
        return "ETA " + duration(left);
    }

    /** A duration as "45s", "3m12s" or "1h05m". */
    public static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
