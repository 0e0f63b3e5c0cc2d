package org.priorkit.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
}
