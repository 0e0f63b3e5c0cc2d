package org.priorkit.runall;

import java.util.Locale;
import java.util.function.Consumer;

/** The progress lines of a rung's tasks: each task as it ends, with its figure and how long it took. */
final class Progress {

    private Progress() {}

    /**
     * A consumer that passes "  RUNG: TEXT (N.N s)" on to {@code out}, N being the time since the previous
     * line (or since this call): e.g. "  PRIOR: CheXpert probe at 1%: AUROC 0.803 (2.1 s)".
     */
    static Consumer<String> timed(String rung, Consumer<String> out) {
        long[] last = {System.nanoTime()};
        return text -> {
            long now = System.nanoTime();
            out.accept(String.format(Locale.ROOT, "  %s: %s (%.1f s)", rung, text, (now - last[0]) / 1e9));
            last[0] = now;
        };
    }
}
