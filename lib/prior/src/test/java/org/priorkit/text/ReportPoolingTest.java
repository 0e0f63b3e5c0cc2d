package org.priorkit.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.nn.StateDict;
import org.priorkit.testing.Golden;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReportPoolingTest {

    private static ReportPooling loaded(NDManager m, Map<String, NDArray> g) {
        ReportPooling pool = ReportPooling.builder().setEmbedDim(16).setNumHeads(8).optOutputDim(12).build();
        pool.initialize(m, DataType.FLOAT32, g.get("sentences").getShape(), g.get("sentence_mask").getShape());
        StateDict.load(pool, TextEncoderTest.params(g));
        return pool;
    }

    @Test
    void matchesPyTorchMultiHeadAttentionForward() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "report_pooling");
            NDArray y = loaded(m, g).forward(new ParameterStore(m, false),
                    new NDList(g.get("sentences"), g.get("sentence_mask")), false).singletonOrThrow();
            assertEquals(new Shape(3, 12), y.getShape());
            Golden.assertClose(g.get("report"), y, "report feature");
        }
    }

    @Test
    void paddedSentencesDoNotChangeTheReport() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "report_pooling");
            NDArray sentences = g.get("sentences").duplicate();
            sentences.set(new NDIndex("1, 2:"), 1e3f);  // sample 1 has 2 real sentences
            sentences.set(new NDIndex("2, 1:"), -7f);   // sample 2 has 1
            NDArray y = loaded(m, g).forward(new ParameterStore(m, false),
                    new NDList(sentences, g.get("sentence_mask")), false).singletonOrThrow();
            Golden.assertClose(g.get("report"), y, "report with scribbled padding");
        }
    }

    @Test
    void emptyReportIsFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, "report_pooling");
            NDArray none = m.zeros(new Shape(3, 4), DataType.BOOLEAN);
            NDArray y = loaded(m, g).forward(new ParameterStore(m, false),
                    new NDList(g.get("sentences"), none), false).singletonOrThrow();
            assertFalse(y.isNaN().any().getBoolean() || y.isInfinite().any().getBoolean());
        }
    }
}
