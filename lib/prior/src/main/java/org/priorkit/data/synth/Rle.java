package org.priorkit.data.synth;

/**
 * SIIM-ACR's run-length encoding: the mask is flattened in COLUMN-major order (down each column, then the
 * next column), and written as pairs "start length" where each start counts the pixels skipped since the
 * end of the previous run (the first one since pixel 0). An empty mask is "-1".
 */
public final class Rle {

    private Rle() {}

    /** Encodes a row-major {@code size x size} mask. */
    public static String encode(boolean[] mask, int size) {
        StringBuilder b = new StringBuilder();
        int end = 0, run = 0, start = -1;
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                int flat = x * size + y;
                if (mask[y * size + x]) {
                    if (run == 0) {
                        start = flat;
                    }
                    run++;
                } else if (run > 0) {
                    b.append(b.length() == 0 ? "" : " ").append(start - end).append(' ').append(run);
                    end = start + run;
                    run = 0;
                }
            }
        }
        if (run > 0) {
            b.append(b.length() == 0 ? "" : " ").append(start - end).append(' ').append(run);
        }
        return b.length() == 0 ? "-1" : b.toString();
    }
}
