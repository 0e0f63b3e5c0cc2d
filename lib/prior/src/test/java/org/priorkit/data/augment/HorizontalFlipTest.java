package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HorizontalFlipTest {

    private static final GrayImage IMAGE = new GrayImage(2, 3, new float[] {1, 2, 3, 4, 5, 6});

    @Test
    void mirrorReversesEachRow() {
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, HorizontalFlip.mirror(IMAGE).pixels());
        assertArrayEquals(IMAGE.pixels(), HorizontalFlip.mirror(HorizontalFlip.mirror(IMAGE)).pixels());
    }

    @Test
    void flippedPairSwapsTheReportSides() {
        ImageReportPair pair = new HorizontalFlip(1).apply(IMAGE,
                List.of("Small left pleural effusion.", "No pneumothorax."), new Random(0));
        assertTrue(pair.flipped());
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, pair.image().pixels());
        assertEquals(List.of("Small right pleural effusion.", "No pneumothorax."), pair.sentences());
    }

    @Test
    void unflippedPairIsUntouched() {
        List<String> report = List.of("Small left pleural effusion.");
        ImageReportPair pair = new HorizontalFlip(0).apply(IMAGE, report, new Random(0));
        assertFalse(pair.flipped());
        assertSame(IMAGE, pair.image());
        assertEquals(report, pair.sentences());
    }

    @Test
    void probabilityIsRespectedAndSeeded() {
        HorizontalFlip half = new HorizontalFlip(0.5);
        Random random = new Random(7);
        int flips = 0;
        for (int i = 0; i < 10_000; i++) {
            flips += half.draw(random) ? 1 : 0;
        }
        assertEquals(5000, flips, 200);
        assertEquals(half.draw(new Random(3)), half.draw(new Random(3)));
    }
}
