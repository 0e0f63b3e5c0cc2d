package org.priorkit.tasks.classification;

import org.junit.jupiter.api.Test;
import org.priorkit.data.split.DataFraction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LabelFractionTest {

    /** 1000 images, class 0 common (30%), class 1 rare (1.5%). */
    private static List<LabeledImage> records() {
        Random r = new Random(3);
        List<LabeledImage> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            float a = r.nextDouble() < 0.3 ? 1 : 0;
            float b = i % 67 == 0 ? 1 : 0;
            out.add(new LabeledImage("img" + i, "p" + i / 2, Path.of("img" + i + ".png"), new float[] {a, b}));
        }
        return out;
    }

    @Test
    void fractionsAreRespectedAndSeeded() {
        List<LabeledImage> all = records();
        List<LabeledImage> ten = LabelFraction.sample(all, DataFraction.TEN_PERCENT, 1, 0);
        assertEquals(100, ten.size());
        assertEquals(all, LabelFraction.sample(all, DataFraction.ALL, 1, 5));
        assertEquals(ten, LabelFraction.sample(all, DataFraction.TEN_PERCENT, 1, 0), "same seed, same subset");
        assertNotEquals(ten, LabelFraction.sample(all, DataFraction.TEN_PERCENT, 2, 0), "another seed, another subset");
        // stratified: the common class keeps its share
        int[] pos = LabelFraction.positives(ten, 2);
        int[] allPos = LabelFraction.positives(all, 2);
        assertEquals(allPos[0] / 10.0, pos[0], 2.0);
    }

    @Test
    void aOnePercentSampleGetsAtLeastTheMinimumOfPositives() {
        List<LabeledImage> all = records();
        List<LabeledImage> one = LabelFraction.sample(all, DataFraction.ONE_PERCENT, 9, 3);
        int[] pos = LabelFraction.positives(one, 2);
        assertTrue(pos[0] >= 3 && pos[1] >= 3, java.util.Arrays.toString(pos));
        assertTrue(one.size() >= 10 && one.size() <= 16, "10 drawn + a few topped up: " + one.size());
        assertEquals(one, LabelFraction.sample(all, DataFraction.ONE_PERCENT, 9, 3));
        // input order is kept
        for (int i = 1; i < one.size(); i++) {
            assertTrue(all.indexOf(one.get(i - 1)) < all.indexOf(one.get(i)));
        }
    }
}
