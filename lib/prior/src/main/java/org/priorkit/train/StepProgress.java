package org.priorkit.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line for a task's training loop, every few seconds: "fine-tuning: step 54/120, loss 0.8378,
 * 6.7 steps/s, ETA 10s". A task trains for seconds to minutes; the line says it is alive and when it ends,
 * and a loop shorter than one interval prints nothing.
 */
public final class StepProgress {

    /** Seconds between two lines. */
    public static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;

    /** Progress of {@code total} steps of {@code what} ("fine-tuning"), on standard error. */
    public StepProgress(String what, long total) {
        this(what, total, System.err, System::nanoTime);
    }

    StepProgress(String what, long total, PrintStream out, LongSupplier clock) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** After step {@code done} (counted from 1) with its loss: a line when one is due, and at the end of a long loop. */
    public void step(long done, double loss) {
        long now = clock.getAsLong();
        boolean due = now - lastLine > EVERY_NANOS;
        boolean lastOfLongLoop = done == total && now - start > EVERY_NANOS;
        if (due || lastOfLongLoop) {
            out.printf(Locale.ROOT, "    %s: step %d/%d, loss %.4f, %.1f steps/s, %s%n", what, done, total, loss,
                    done / ((now - start) / 1e9), Eta.of(now - start, done, total));
            lastLine = now;
        }
    }
}
