package org.priorkit.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What a loader does with a record it cannot read: stop at once ({@link #failFast()}, the default,
 * so problems are never hidden) or skip it and count ({@link #skipping()}), keeping the first few
 * reasons so the user can see what kind of damage the data has.
 *
 * <p>A loader receives one of these, routes every per-record {@link DataFormatException} through
 * {@link #handle}, and hands it back with its result, so the caller can print {@link #summary()}.
 * Problems with a whole file (a missing column in the header) are never skipped: nothing of that
 * file could be read.
 */
public final class BadRecords {

    /** How many reasons are kept verbatim; the rest are only counted. */
    public static final int KEPT_REASONS = 5;

    private final boolean skip;
    private final List<String> firstReasons = new ArrayList<>();
    private long skipped;

    private BadRecords(boolean skip) {
        this.skip = skip;
    }

    /** Any bad record throws its {@link DataFormatException}. */
    public static BadRecords failFast() {
        return new BadRecords(false);
    }

    /** Bad records are skipped, counted and the first {@value #KEPT_REASONS} reasons kept. */
    public static BadRecords skipping() {
        return new BadRecords(true);
    }

    /** {@link #skipping()} when {@code skip}, else {@link #failFast()}. */
    public static BadRecords of(boolean skip) {
        return new BadRecords(skip);
    }

    /** True when bad records are skipped rather than thrown. */
    public boolean skips() {
        return skip;
    }

    /**
     * Rethrows {@code problem} under the fail-fast policy; otherwise records it. Synchronised
     * because datasets may validate images from several threads.
     */
    public synchronized void handle(DataFormatException problem) {
        if (!skip) {
            throw problem;
        }
        skipped++;
        if (firstReasons.size() < KEPT_REASONS) {
            firstReasons.add(problem.getMessage());
        }
    }

    /** Number of records skipped so far. */
    public synchronized long skipped() {
        return skipped;
    }

    /** The first few reasons, each naming its file and position. */
    public synchronized List<String> firstReasons() {
        return List.copyOf(firstReasons);
    }

    /** One line per kept reason after a count, e.g. for a command line report. */
    public synchronized String summary() {
        StringBuilder sb = new StringBuilder("skipped ").append(skipped).append(" bad record(s)");
        for (String r : firstReasons) {
            sb.append(System.lineSeparator()).append("  - ").append(r);
        }
        if (skipped > firstReasons.size()) {
            sb.append(System.lineSeparator()).append("  ... and ")
                    .append(skipped - firstReasons.size()).append(" more");
        }
        return sb.toString();
    }
}
