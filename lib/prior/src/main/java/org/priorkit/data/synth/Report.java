package org.priorkit.data.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A generated radiology report and the CheXpert-style labels a labeler would read from it.
 *
 * @param findings   sentences of the FINDINGS section (empty when the report has none)
 * @param impression sentences of the IMPRESSION section
 * @param labels     label values 1.0 (positive), 0.0 (negated), -1.0 (uncertain); a missing key is blank
 */
public record Report(List<Sentence> findings, List<Sentence> impression, Map<ChexpertLabel, Double> labels) {

    /**
     * One sentence and the finding it describes.
     *
     * @param finding index into the study's findings, or -1 for statements about no particular finding
     */
    public record Sentence(String text, int finding) {}

    public Report {
        findings = List.copyOf(findings);
        impression = List.copyOf(impression);
        labels = Collections.unmodifiableMap(labels.isEmpty()
                ? new EnumMap<>(ChexpertLabel.class) : new EnumMap<>(labels));
    }

    /** Impression first, then findings: the order PRIOR reads them in. */
    public List<Sentence> sentences() {
        List<Sentence> all = new ArrayList<>(impression);
        all.addAll(findings);
        return all;
    }

    /**
     * The report as a MIMIC-CXR .txt file: a FINAL REPORT banner, then all-caps section headers at the start
     * of a line after a newline and a space, text wrapped at 78 columns with a leading space.
     */
    public String text(String view, String sex, int age, String indication) {
        boolean portable = view.equals("AP");
        StringBuilder b = new StringBuilder();
        b.append("                                 FINAL REPORT\n");
        b.append(" EXAMINATION:  ").append(portable ? "CHEST (PORTABLE AP)" : "CHEST (PA AND LAT)").append('\n');
        b.append(" \n");
        b.append(" INDICATION:  ___-year-old ").append(sex.equals("Female") ? "woman" : "man").append(" with ")
                .append(indication).append('\n');
        b.append(" \n");
        b.append(" TECHNIQUE:  ").append(portable ? "Single portable AP view of the chest." :
                "PA and lateral views of the chest.").append('\n');
        b.append(" \n");
        b.append(" COMPARISON:  None.\n");
        b.append(" \n");
        if (!findings.isEmpty()) {
            b.append(" FINDINGS:\n \n");
            wrap(b, findings);
            b.append(" \n");
        }
        b.append(" IMPRESSION:\n \n");
        wrap(b, impression);
        return b.toString();
    }

    private static void wrap(StringBuilder b, List<Sentence> sentences) {
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < sentences.size(); k++) {
            String[] words = sentences.get(k).text().split(" ");
            for (int w = 0; w < words.length; w++) {
                String sep = line.length() == 0 ? "" : (w == 0 && k % 2 == 1 ? "  " : " ");
                if (line.length() + sep.length() + words[w].length() > 77 && line.length() > 0) {
                    b.append(' ').append(line).append('\n');
                    line.setLength(0);
                    sep = "";
                }
                line.append(sep).append(words[w]);
            }
        }
        if (line.length() > 0) {
            b.append(' ').append(line).append('\n');
        }
    }
}
