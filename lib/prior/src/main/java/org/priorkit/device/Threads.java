package org.priorkit.device;

import ai.djl.pytorch.jni.JniUtils;

import java.util.Map;
import java.util.Optional;

/**
 * How many threads PyTorch uses inside one operation (intra-op threads). The kit's command line and
 * kernel use ONE unless the user chooses: the tiny and notebook presets' tensors are too small to gain
 * from more, and a second OpenMP thread that has to wait for its partner at every operation's barrier
 * makes a step many times slower as soon as the machine is shared. Measured with {@code kit bench
 * --load 4} (four busy threads on 2 cores, batch 16, median ms per step of align / prototype /
 * reconstruct): one thread 82.5 / 77.9 / 173.6 quiet and 204.0 / 200.0 / 479.9 loaded (2.5-2.8x, the
 * CPU share it is left with); two threads 84.6 / 68.3 / 127.2 and 744.7 / 602.2 / 1222.0 (8.8-9.6x).
 * See lib/README, "Threads on a shared machine", for the PyTorch reference and how to rerun it.
 * For the paper preset on a CPU of your own, choose more: {@code OMP_NUM_THREADS=8 lib/kit ...}.
 */
public final class Threads {

    /** DJL's system property for PyTorch's intra-op threads, read when the engine loads. */
    public static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private Threads() {}

    /**
     * The kit's default for the property: "1", unless the user chose a count through OMP_NUM_THREADS
     * (which PyTorch's OpenMP reads itself) or the property.
     */
    public static Optional<String> kitDefault(Map<String, String> env, String property) {
        return property != null || env.containsKey("OMP_NUM_THREADS") ? Optional.empty() : Optional.of("1");
    }

    /** Sets the kit's default before the engine loads (the command line calls this first thing). */
    public static void applyKitDefault() {
        kitDefault(System.getenv(), System.getProperty(PROPERTY)).ifPresent(n -> System.setProperty(PROPERTY, n));
    }

    /**
     * Intra-op threads for one training job (each of run-all's lanes): the user's count if they chose
     * one (OMP_NUM_THREADS or the property), else 1, also where the CLI's default was not applied
     * (JBang scripts, tests).
     */
    public static int perJob() {
        return kitDefault(System.getenv(), System.getProperty(PROPERTY)).map(Integer::parseInt)
                .orElseGet(JniUtils::getNumThreads);
    }

    /** "1 PyTorch thread per operation", for {@code kit info} and {@code kit bench}. */
    public static String describe() {
        int n = JniUtils.getNumThreads();
        return n + " PyTorch thread" + (n == 1 ? "" : "s") + " per operation";
    }
}
