package org.priorkit.data.synth;

import java.util.Locale;

/** Identifiers shaped like the real data sets' ones, derived from the seed so they are reproducible. */
final class Ids {

    private Ids() {}

    /** MIMIC subject id: 8 digits starting with 1, distinct for distinct k < 9,000,000. */
    static int mimicSubject(long seed, int k) {
        return 10_000_000 + (int) ((k * 7919L + Math.floorMod(seed, 9_000_000L)) % 9_000_000L);
    }

    /** MIMIC study id: 8 digits starting with 5, distinct for distinct k < 10,000,000. */
    static int mimicStudy(long seed, int k) {
        return 50_000_000 + (int) ((k * 104_729L + Math.floorMod(seed * 31, 10_000_000L)) % 10_000_000L);
    }

    /** MIMIC dicom_id: five groups of eight hex digits joined by '-'. */
    static String mimicDicom(long seed, long k) {
        long a = RandomStreams.of(seed, RandomStreams.IDS, 3 * k), b = RandomStreams.of(seed, RandomStreams.IDS, 3 * k + 1);
        long c = RandomStreams.of(seed, RandomStreams.IDS, 3 * k + 2);
        return String.format(Locale.ROOT, "%08x-%08x-%08x-%08x-%08x", a >>> 32, a & 0xffffffffL, b >>> 32,
                b & 0xffffffffL, c >>> 32);
    }

    /** RSNA patientId: a version-4-shaped UUID string. */
    static String uuid(long seed, long k) {
        long a = RandomStreams.of(seed, RandomStreams.IDS, 1_000_000_000L + 2 * k), b = RandomStreams.of(seed, RandomStreams.IDS, 1_000_000_001L + 2 * k);
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-%04x-%012x", a >>> 32, (a >>> 16) & 0xffff,
                a & 0xfff, 0x8000 | ((b >>> 48) & 0x3fff), b & 0xffffffffffffL);
    }

    /**
     * SIIM-style UID of kind {@code kind} (2 study, 3 series, 4 image), e.g.
     * 1.2.276.0.7230010.3.1.4.8323329.5597.1517875188.959090; the three share their number part.
     */
    static String siim(long seed, int k, int kind) {
        long r = RandomStreams.of(seed, RandomStreams.IDS, 2_000_000_000L + k);
        long stamp = 1_517_875_000L + Math.floorMod(r, 1000);
        long tail = 100_000 + Math.floorMod(r >>> 20, 800_000) - (4 - kind);
        return "1.2.276.0.7230010.3.1." + kind + ".8323329." + (1000 + k) + "." + stamp + "." + tail;
    }
}
