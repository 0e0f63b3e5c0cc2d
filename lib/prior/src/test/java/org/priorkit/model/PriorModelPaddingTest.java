package org.priorkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.priorkit.config.PriorConfig;

import static org.junit.jupiter.api.Assertions.*;

/** The text side reads only a batch's longest report: padding beyond it changes nothing. */
class PriorModelPaddingTest {

    /** Two reports of 7 and 4 real tokens ([CLS] a a b b b [SEP] / [CLS] c c [SEP]), padded to {@code t}. */
    private static NDArray[] batch(NDManager m, int t) {
        int[] ids = new int[2 * t];
        int[] mask = new int[2 * t];
        int[] sentence = new int[2 * t];
        java.util.Arrays.fill(sentence, -1);
        int[][] rows = {{2, 10, 11, 12, 13, 14, 3}, {2, 20, 21, 3}};
        int[][] sentences = {{-1, 0, 0, 1, 1, 1, -1}, {-1, 0, 0, -1}};
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < rows[b].length; i++) {
                ids[b * t + i] = rows[b][i];
                mask[b * t + i] = 1;
                sentence[b * t + i] = sentences[b][i];
            }
        }
        return new NDArray[] {m.create(ids, new Shape(2, t)), m.create(mask, new Shape(2, t)),
                m.create(sentence, new Shape(2, t))};
    }

    @Test
    void sentencesDoNotDependOnPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            PriorConfig c = PriorConfig.tiny().withText(PriorConfig.tiny().text().withVocabSize(50));
            PriorModel model = PriorModel.create(c, m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray[] full = batch(m, c.text().maxTokens()); // padded to 96
            NDArray[] tight = batch(m, 7);                    // no padding beyond the longest report
            PriorModel.TextFeatures a = model.encodeText(ps, full[0], full[1], full[2], false);
            PriorModel.TextFeatures b = model.encodeText(ps, tight[0], tight[1], tight[2], false);
            assertEquals(new Shape(2, 7, c.embedDim()), a.tokens().getShape(), "trimmed to the longest report");
            assertArrayEquals(b.sentences().toFloatArray(), a.sentences().toFloatArray(), 1e-6f);
            assertArrayEquals(b.sentenceMask().toBooleanArray(), a.sentenceMask().toBooleanArray());
        }
    }
}
