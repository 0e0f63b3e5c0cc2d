package org.priorkit.train;

/** Derives independent, repeatable seeds from a run seed and coordinates (stage, epoch, step...). */
public final class Seeds {

    private Seeds() {}

    /** SplitMix64 finaliser over the parts: different parts give unrelated seeds. */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h ^= p + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
