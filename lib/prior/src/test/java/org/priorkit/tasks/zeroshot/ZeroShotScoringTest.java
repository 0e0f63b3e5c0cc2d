package org.priorkit.tasks.zeroshot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** PRIOR's score on hand-made similarities. */
class ZeroShotScoringTest {

    @Test
    void cosineOfTinyVectors() {
        assertEquals(1.0, ZeroShotScoring.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-12);
        assertEquals(0.0, ZeroShotScoring.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-12);
        assertEquals(-Math.sqrt(0.5), ZeroShotScoring.cosine(new float[] {1, 0}, new float[] {-1, 1}), 1e-12);
        assertEquals(0.0, ZeroShotScoring.cosine(new float[] {0, 0}, new float[] {1, 1}), "zero vector");
    }

    @Test
    void imageClosestToAClassPromptGetsThatClass() {
        // one image, 3 classes; prompt features are unit axes, the image leans to class 2
        float[] image = {0.1f, 0.2f, 0.9f};
        float[][] classes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] global = new double[1][3];
        for (int c = 0; c < 3; c++) {
            global[0][c] = ZeroShotScoring.cosine(image, classes[c]);
        }
        double[][] local = {{0, 0, 0}};
        double[][] s = ZeroShotScoring.combine(global, local, 10, 10, 0.5);
        assertEquals(2, ZeroShotScoring.argmax(s)[0]);
        // softmax rows sum to one, the uniform local term adds 0.5 / 3 to each class
        double[] g = ZeroShotScoring.softmax(global, 10)[0];
        for (int c = 0; c < 3; c++) {
            assertEquals(g[c] + 0.5 / 3, s[0][c], 1e-12);
        }
    }

    @Test
    void theLocalTermWeighsHalf() {
        // global slightly prefers class 0; local strongly prefers class 1
        double[][] global = {{0.30, 0.20}};
        double[][] local = {{0.0, 1.0}};
        double g0 = Math.exp(3.0) / (Math.exp(3.0) + Math.exp(2.0)); // softmax(10 * global), class 0: 0.7311
        double l1 = Math.exp(5.0) / (Math.exp(0.0) + Math.exp(5.0)); // softmax(5 * local), class 1: 0.9933
        double[][] s = ZeroShotScoring.combine(global, local, 10, 5, 0.5);
        assertEquals(g0 + 0.5 * (1 - l1), s[0][0], 1e-12);
        assertEquals((1 - g0) + 0.5 * l1, s[0][1], 1e-12);
        assertEquals(1, ZeroShotScoring.argmax(s)[0], "0.269 + 0.5 x 0.993 > 0.731 + 0.5 x 0.007");
        assertEquals(0, ZeroShotScoring.argmax(ZeroShotScoring.combine(global, local, 10, 5, 0.0))[0],
                "global alone picks class 0");
        // with weight 0.5, a local preference weaker than the global gap does not flip the class
        assertEquals(0, ZeroShotScoring.argmax(ZeroShotScoring.combine(global, new double[][] {{0.0, 0.2}}, 10, 5, 0.5))[0]);
    }

    @Test
    void promptsKeepClassOrderAndMapEveryPromptToItsClass() {
        Prompts p = Prompts.prior();
        assertEquals(java.util.List.of("atelectasis is observed"), p.byClass().get("Atelectasis"));
        assertEquals(java.util.List.of("pleural effusion is observed"), p.byClass().get("Pleural Effusion"));
        Prompts g = Prompts.gloriaStyle();
        assertEquals(p.classes(), g.classes());
        int[] classOf = g.classOfPrompt();
        assertEquals(g.all().size(), classOf.length);
        assertTrue(g.byClass().get("Cardiomegaly").contains("the heart is moderately enlarged"));
        assertEquals(4, classOf[classOf.length - 1]);
        assertThrows(IllegalArgumentException.class, () -> Prompts.template(p.classes(), "no placeholder"));
    }
}
