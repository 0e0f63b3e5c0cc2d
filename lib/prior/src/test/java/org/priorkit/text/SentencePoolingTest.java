package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.testing.Golden;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SentencePoolingTest {

    @Test
    void matchesLoopReference() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "sentence_pooling");
            SentencePooling pool = new SentencePooling(4);
            NDList out = pool.forward(new ParameterStore(m, false),
                    new NDList(g.get("tokens"), g.get("sentence_index")), false);
            Golden.assertClose(g.get("sentences"), out.get(0), "sentence features");
            assertEquals(g.get("sentence_mask"), out.get(1));
            // sample 1 has 2 sentences, sample 2 has 1
            assertArrayEquals(new boolean[] {true, true, true, true, true, true, false, false, true, false, false,
                    false}, out.get(1).toBooleanArray());
        }
    }

    @Test
    void tokensOutsideSentencesDoNotLeakEvenIfInfinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "sentence_pooling");
            NDArray tokens = g.get("tokens").duplicate();
            tokens.set(new NDIndex(":, 0"), Float.POSITIVE_INFINITY);   // [CLS]
            tokens.set(new NDIndex("1, 7:"), Float.NaN);                 // [SEP] and padding of sample 1
            tokens.set(new NDIndex("2, 3:"), -1e6f);
            NDList out = SentencePooling.pool(tokens, g.get("sentence_index"), 4);
            Golden.assertClose(g.get("sentences"), out.get(0), "sentence features with scribbled padding");
        }
    }

    @Test
    void indexBeyondSIsRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray tokens = m.ones(new Shape(1, 3, 2));
            NDArray index = m.create(new long[] {0, 1, 2}).reshape(1, 3);
            assertThrows(IllegalArgumentException.class, () -> SentencePooling.pool(tokens, index, 2));
        }
    }
}
