package org.priorkit.tasks.retrieval;

import org.priorkit.data.chexpert.ChexpertClasses;
import org.priorkit.data.mimic.MimicPair;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidate reports of image-to-text retrieval. The 5x200 query images (CheXpert) come without
 * reports, so the pool is drawn from MIMIC-CXR: reports of the chosen official splits (default
 * test, which pretraining never saw) whose study has EXACTLY ONE of the 5 competition labels
 * positive (1.0) and the other four negative or blank; that label is the report's class, and a
 * retrieved report is correct when its class is the query image's class (the paper's protocol). One report per
 * study (several frontal images share it).
 */
public final class ReportPool {

    private ReportPool() {}

    /** The pool from MIMIC pairs of {@code splits}, in input order. */
    public static List<PoolReport> fromMimic(List<MimicPair> pairs, Set<String> splits) {
        List<PoolReport> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (MimicPair p : pairs) {
            if (!splits.contains(p.split()) || !seen.add(p.studyId())) {
                continue;
            }
            int c = singleClass(p.labels());
            if (c >= 0) {
                out.add(new PoolReport("s" + p.studyId(), c, p.sentences()));
            }
        }
        return out;
    }

    /** Index of the one positive competition label, or -1 (none, several, or another is uncertain). */
    static int singleClass(Map<String, Float> labels) {
        int found = -1;
        for (int c = 0; c < ChexpertClasses.COMPETITION.size(); c++) {
            Float v = labels.get(ChexpertClasses.COMPETITION.get(c));
            if (v == null || v == 0f) {
                continue;
            }
            if (v != 1f || found >= 0) {
                return -1;
            }
            found = c;
        }
        return found;
    }
}
