package org.priorkit.data.synth;

import java.util.SplittableRandom;

/** Seeded choices with an exact count, so configured class balances hold exactly. */
final class Shuffle {

    private Shuffle() {}

    /** A mask of {@code n} flags of which exactly round(n * fraction) are true, at seeded positions. */
    static boolean[] exactly(int n, double fraction, SplittableRandom rng) {
        boolean[] flags = new boolean[n];
        int k = (int) Math.round(n * fraction);
        for (int i = 0; i < k; i++) {
            flags[i] = true;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            boolean t = flags[i];
            flags[i] = flags[j];
            flags[j] = t;
        }
        return flags;
    }
}
