package org.priorkit.tasks.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * A candidate report of the retrieval pool.
 *
 * @param id         the study ("s50414267")
 * @param classIndex index into the 5 competition classes of its single positive label
 * @param sentences  the report's PRIOR sentences (impression first, then findings)
 */
public record PoolReport(String id, int classIndex, List<String> sentences) {

    public PoolReport {
        Objects.requireNonNull(id, "id");
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("report " + id + " has no sentence");
        }
    }
}
