package org.priorkit.data.synth;

/**
 * The synthetic set's named random streams, and the seed of item {@code index} of a stream: derived
 * from (run seed, stream, index) so that every image can be drawn on any thread, in any order, and
 * still come out the same: nothing depends on what was drawn before it. (Training's seeds come from
 * {@code train.Seeds}.)
 */
final class RandomStreams {

    /** Named random streams; a new stream gets a new number, existing numbers never change. */
    static final int MIMIC = 1, CHEXPERT_TRAIN = 2, CHEXPERT_VALID = 3, RSNA = 4, SIIM = 5, PLAN = 6,
            REPORT = 7, IDS = 8;

    private RandomStreams() {}

    /** A seed for item {@code index} of stream {@code stream} of the run seeded with {@code seed}. */
    static long of(long seed, int stream, long index) {
        return mix(mix(seed ^ mix(stream * 0x9E3779B97F4A7C15L)) + index);
    }

    /** SplitMix64's finaliser: a bijection on longs that scrambles all bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
