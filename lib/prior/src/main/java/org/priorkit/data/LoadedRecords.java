package org.priorkit.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a loader returns: the good records, named counts of what it saw and dropped on purpose
 * (e.g. "rows", "lateral views"), and the bad records it skipped, if skipping was asked for.
 *
 * @param records the usable records, in file order
 * @param counts informational counts, in insertion order
 * @param skips skipped bad records (always 0 under fail-fast)
 */
public record LoadedRecords<R>(List<R> records, Map<String, Long> counts, BadRecords skips) {

    public LoadedRecords {
        records = List.copyOf(records);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Counts, records and skips as a few lines for a terminal. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(k).append(": ").append(v).append(System.lineSeparator()));
        sb.append("usable records: ").append(records.size()).append(System.lineSeparator());
        sb.append(skips.summary());
        return sb.toString();
    }

    /** Real data may have this share of its records unreadable and skipped (1%): 200,000 reports hold a few odd ones. */
    public static final double DEFAULT_MAX_BAD = 0.01;

    /**
     * The records, when at most {@code maxBad} of all records were skipped as unreadable (the skips, if any, are
     * listed on stderr); past it, an error naming {@code where}, the share and the first reasons.
     */
    public List<R> within(double maxBad, Object where) {
        long bad = skips.skipped();
        if (bad == 0) {
            return records;
        }
        double share = bad / (double) (bad + records.size());
        String line = String.format(Locale.ROOT, "%s: %s%n(%.2f%% of the records; --max-bad %.2f%%)", where,
                skips.summary(), 100 * share, 100 * maxBad);
        if (share > maxBad) {
            throw new IllegalArgumentException("too many unreadable records, the run stops: " + line);
        }
        System.err.println(line);
        return records;
    }
}
