package org.priorkit.metrics;

/**
 * Precision@K for retrieval: for each query rank the candidates by score, highest first, ties broken by
 * the lower candidate index (a stable descending sort); {@code P@K_q} = (correct among the top K) / K, where
 * a candidate is correct when its class equals the query's; the result is the mean over queries.
 */
public final class Retrieval {

    private Retrieval() {}

    /**
     * @param scores         (queries, candidates) similarity, higher = more similar
     * @param queryClass     (queries) class of each query
     * @param candidateClass (candidates) class of each candidate
     * @param k              1 <= k <= candidates
     */
    public static double precisionAtK(double[][] scores, int[] queryClass, int[] candidateClass, int k) {
        Checks.sameLength(scores.length, queryClass.length, "Retrieval scores rows/queryClass");
        Checks.nonEmpty(scores.length, "Retrieval queries");
        int candidates = candidateClass.length;
        if (k < 1 || k > candidates) {
            throw new IllegalArgumentException("Retrieval: k = " + k + " outside [1, " + candidates + "]");
        }
        double sum = 0;
        for (int q = 0; q < scores.length; q++) {
            double[] row = scores[q];
            Checks.sameLength(row.length, candidates, "Retrieval scores row " + q + "/candidateClass");
            Checks.finite(row, "Retrieval scores row " + q);
            int[] order = Ranking.descending(row);
            int correct = 0;
            for (int r = 0; r < k; r++) {
                if (candidateClass[order[r]] == queryClass[q]) {
                    correct++;
                }
            }
            sum += (double) correct / k;
        }
        return sum / scores.length;
    }
}
