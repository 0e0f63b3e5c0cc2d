package org.priorkit.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetrievalTest {

    // 3 queries x 4 candidates; candidate classes (0, 1, 0, 2), query classes (0, 0, 2)
    private static final double[][] SCORES = {
            {0.9, 0.1, 0.8, 0.3}, // ranking c0 c2 c3 c1 -> correct 1 1 0 0
            {0.2, 0.2, 0.7, 0.2}, // c2, then the 0.2 tie by index: c0 c1 c3 -> correct 1 1 0 0
            {0.5, 0.6, 0.1, 0.9}, // c3 c1 c0 c2 -> correct 1 0 0 0
    };
    private static final int[] QUERY = {0, 0, 2};
    private static final int[] CANDIDATE = {0, 1, 0, 2};

    @Test
    void precisionAtKByHand() {
        assertEquals(1.0, Retrieval.precisionAtK(SCORES, QUERY, CANDIDATE, 1), 1e-15);
        // k=2: (1 + 1 + 1/2) / 3; breaking the tie by the higher index would give (1 + 1/2 + 1/2) / 3
        assertEquals(5.0 / 6, Retrieval.precisionAtK(SCORES, QUERY, CANDIDATE, 2), 1e-15);
        assertEquals((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, Retrieval.precisionAtK(SCORES, QUERY, CANDIDATE, 3), 1e-15);
        assertEquals((0.5 + 0.5 + 0.25) / 3, Retrieval.precisionAtK(SCORES, QUERY, CANDIDATE, 4), 1e-15);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Retrieval.precisionAtK(SCORES, QUERY, CANDIDATE, 0));
        assertThrows(IllegalArgumentException.class, () -> Retrieval.precisionAtK(SCORES, QUERY, CANDIDATE, 5));
        assertThrows(IllegalArgumentException.class,
                () -> Retrieval.precisionAtK(SCORES, new int[] {0, 0}, CANDIDATE, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Retrieval.precisionAtK(SCORES, QUERY, new int[] {0, 1, 0}, 1));
    }
}
