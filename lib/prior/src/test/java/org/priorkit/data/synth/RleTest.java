package org.priorkit.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SIIM's RLE: column-major, starts relative to the end of the previous run. */
class RleTest {

    @Test
    void encodesColumnMajorRelativeRuns() {
        // 4x4 mask, row-major. Pixels (row, col): (1,0), (2,0), (3,0), (0,1), (2,3)
        boolean[] m = new boolean[16];
        m[1 * 4] = true;
        m[2 * 4] = true;
        m[3 * 4] = true;
        m[1] = true;
        m[2 * 4 + 3] = true;
        // column-major flat indices: col 0 rows 1..3 -> 1,2,3; col 1 row 0 -> 4; col 3 row 2 -> 14
        // one run 1..4 (length 4), then 14: start 14 - 5 = 9
        assertEquals("1 4 9 1", Rle.encode(m, 4));
    }

    @Test
    void emptyMaskIsMinusOneAndFullMaskIsOneRun() {
        assertEquals("-1", Rle.encode(new boolean[9], 3));
        boolean[] full = new boolean[9];
        java.util.Arrays.fill(full, true);
        assertEquals("0 9", Rle.encode(full, 3));
    }
}
