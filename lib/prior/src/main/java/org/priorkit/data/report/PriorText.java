package org.priorkit.data.report;

import org.priorkit.data.DataFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * The text PRIOR trains on: the IMPRESSION section, then the FINDINGS section, split into sentences.
 * Either section may be missing (many MIMIC reports have no FINDINGS); a report with neither has
 * nothing to learn from and is an error naming its file.
 */
public final class PriorText {

    /** PRIOR drops reports with fewer sentences than this (paper: 182,475 pairs remain). */
    public static final int MIN_SENTENCES = 4;

    public static final String IMPRESSION = "IMPRESSION";
    public static final String FINDINGS = "FINDINGS";

    private PriorText() {}

    /** Impression sentences, then findings sentences. */
    public static List<String> sentences(ReportSections report, SentenceSplitter splitter) {
        var impression = report.section(IMPRESSION);
        var findings = report.section(FINDINGS);
        if (impression.isEmpty() && findings.isEmpty()) {
            throw new DataFormatException(report.file(), null, "neither an IMPRESSION nor a"
                    + " FINDINGS section (sections found: " + report.sections().keySet() + ")");
        }
        List<String> out = new ArrayList<>();
        impression.ifPresent(text -> out.addAll(splitter.split(text)));
        findings.ifPresent(text -> out.addAll(splitter.split(text)));
        return List.copyOf(out);
    }

    /** True when a report is long enough to keep ({@code >= minSentences} sentences). */
    public static boolean longEnough(List<String> sentences, int minSentences) {
        return sentences.size() >= minSentences;
    }
}
