package org.priorkit.data.siim;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RleTest {

    @Test
    void endIsOnePastTheLastRun() {
        assertEquals(0, Rle.end("-1"));
        assertEquals(7, Rle.end("3 4"));            // pixels 3..6
        assertEquals(17, Rle.end("3 4 6 4"));       // then 13..16
    }

    @Test
    void decodesRelativeStartsInColumnMajorOrder() {
        // 3 rows x 2 columns; column-major positions: 0=(0,0) 1=(1,0) 2=(2,0) 3=(0,1) 4=(1,1) 5=(2,1).
        // "1 2 1 1": run at 1..2, then start 1 AFTER the end (3) -> position 4.
        float[] mask = Rle.decode("1 2 1 1", 3, 2);
        assertArrayEquals(new float[] {
            0, 0,
            1, 1,
            1, 0}, mask);
        // Read as absolute starts or row-major, the same text would give another mask.
        assertEquals("1 2 1 1", Rle.encode(mask, 3, 2));
    }

    @Test
    void emptyMaskIsMinusOneWithOrWithoutTheSpace() {
        assertArrayEquals(new float[4], Rle.decode(" -1", 2, 2));
        assertArrayEquals(new float[4], Rle.decode("-1", 2, 2));
        assertEquals("-1", Rle.encode(new float[4], 2, 2));
    }

    @Test
    void severalRowsOfOneImageAreOred() {
        float[] mask = new float[6];
        Rle.orInto("0 1", mask, 3, 2);       // (0,0)
        Rle.orInto("5 1", mask, 3, 2);       // (2,1)
        Rle.orInto("0 1", mask, 3, 2);       // again (0,0): OR, not XOR or sum
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, mask);
    }

    @Test
    void encodeDecodeRoundTripsRandomMasks() {
        Random random = new Random(0);
        for (int trial = 0; trial < 50; trial++) {
            int h = 1 + random.nextInt(9);
            int w = 1 + random.nextInt(9);
            float[] mask = new float[h * w];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextInt(3) == 0 ? 1f : 0f;
            }
            assertArrayEquals(mask, Rle.decode(Rle.encode(mask, h, w), h, w), "trial " + trial);
        }
    }

    @Test
    void badRleIsRejectedWithTheReason() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> Rle.parse("1 2 3"));
        assertTrue(odd.getMessage().contains("odd count"));
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> Rle.parse("-3 2"));
        assertTrue(neg.getMessage().contains("start -3"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Rle.parse("3 0"));
        assertTrue(zero.getMessage().contains("length 0"));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> Rle.parse("3 x"));
        assertTrue(text.getMessage().contains("'x'"));
        IllegalArgumentException oob = assertThrows(IllegalArgumentException.class,
                () -> Rle.decode("2 1 2 2", 2, 2));  // second run covers 5..6 of 4 pixels
        assertTrue(oob.getMessage().contains("outside the 2x2 image"), oob.getMessage());
    }

    @Test
    void encodesABooleanMaskColumnMajorWithRelativeStarts() {
        // 4x4 mask, row-major. Pixels (row, col): (1,0), (2,0), (3,0), (0,1), (2,3)
        boolean[] m = new boolean[16];
        m[1 * 4] = true;
        m[2 * 4] = true;
        m[3 * 4] = true;
        m[1] = true;
        m[2 * 4 + 3] = true;
        // column-major flat indices: col 0 rows 1..3 -> 1,2,3; col 1 row 0 -> 4; col 3 row 2 -> 14
        // one run 1..4 (length 4), then 14: start 14 - 5 = 9
        assertEquals("1 4 9 1", Rle.encode(m, 4, 4));
        assertEquals("-1", Rle.encode(new boolean[9], 3, 3));
        boolean[] full = new boolean[9];
        java.util.Arrays.fill(full, true);
        assertEquals("0 9", Rle.encode(full, 3, 3));
    }
}
