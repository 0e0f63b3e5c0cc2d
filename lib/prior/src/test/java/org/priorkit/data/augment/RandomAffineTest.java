package org.priorkit.data.augment;

import org.priorkit.data.image.GrayImage;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RandomAffineTest {

    /** 3 x 3 with values 0..8, row-major. */
    private static GrayImage ramp() {
        float[] p = new float[9];
        for (int i = 0; i < 9; i++) {
            p[i] = i;
        }
        return new GrayImage(3, 3, p);
    }

    @Test
    void identityLeavesTheImage() {
        GrayImage image = ramp();
        assertArrayEquals(image.pixels(), RandomAffine.transform(image, 0, 0, 0, 1, -1f).pixels(), 1e-6f);
    }

    @Test
    void ninetyDegreesTurnsCounterClockwise() {
        // 0 1 2      2 5 8
        // 3 4 5  ->  1 4 7
        // 6 7 8      0 3 6
        GrayImage turned = RandomAffine.transform(ramp(), 90, 0, 0, 1, -1f);
        assertArrayEquals(new float[] {2, 5, 8, 1, 4, 7, 0, 3, 6}, turned.pixels(), 1e-5f);
    }

    @Test
    void shiftRightFillsTheLeftColumn() {
        GrayImage moved = RandomAffine.transform(ramp(), 0, 1, 0, 1, -1f);
        assertArrayEquals(new float[] {-1, 0, 1, -1, 3, 4, -1, 6, 7}, moved.pixels(), 1e-6f);
    }

    @Test
    void halfPixelShiftInterpolatesBilinearly() {
        GrayImage moved = RandomAffine.transform(ramp(), 0, 0.5, 0, 1, 0f);
        assertEquals(0.5f, moved.at(1, 1) - 3f, 1e-6f); // between 3 and 4
    }

    @Test
    void sameSeedSameImageAndSmallAnglesStayClose() {
        float[] p = new float[32 * 32];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % 32) / 31f; // horizontal ramp
        }
        GrayImage image = new GrayImage(32, 32, p);
        RandomAffine paper = RandomAffine.rotation(5);
        GrayImage a = paper.apply(image, new Random(42));
        GrayImage b = paper.apply(image, new Random(42));
        GrayImage c = paper.apply(image, new Random(43));
        assertArrayEquals(a.pixels(), b.pixels());
        assertFalse(java.util.Arrays.equals(a.pixels(), c.pixels()));
        // within 5 degrees the centre pixel's neighbourhood barely moves
        assertEquals(image.at(16, 16), a.at(16, 16), 0.1f);
    }

    @Test
    void rangesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new RandomAffine(-1, 0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RandomAffine(5, 0, 1.2, 1.1, 0));
    }
}
