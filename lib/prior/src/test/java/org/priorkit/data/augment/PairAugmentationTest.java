package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairAugmentationTest {

    @Test
    void seededAndSized() {
        float[] p = new float[40 * 50];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % 50) / 49f;
        }
        GrayImage image = new GrayImage(40, 50, p);
        List<String> report = List.of("Left basilar atelectasis.");
        PairAugmentation augment = PairAugmentation.prior(32);
        ImageReportPair a = augment.apply(image, report, new Random(5));
        ImageReportPair b = augment.apply(image, report, new Random(5));
        assertEquals(32, a.image().height());
        assertEquals(32, a.image().width());
        assertArrayEquals(a.image().pixels(), b.image().pixels());
        assertEquals(a.sentences(), b.sentences());
        assertEquals(a.flipped() ? "Right basilar atelectasis." : "Left basilar atelectasis.", a.sentences().get(0));

        boolean sawBoth = false;
        for (int seed = 0; seed < 20 && !sawBoth; seed++) {
            sawBoth = augment.apply(image, report, new Random(seed)).flipped() != a.flipped();
        }
        assertTrue(sawBoth, "p = 0.5 should flip some seeds and not others");
    }
}
