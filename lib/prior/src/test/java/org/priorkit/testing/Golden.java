package org.priorkit.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reference values made by PyTorch scripts in {@code src/test/python/} and committed as
 * {@code src/test/resources/golden/NAME.npz}. The Java tests need no Python.
 */
public final class Golden {

    private Golden() {}

    /** Loads every array of {@code golden/NAME.npz}, keyed by its name in the archive. */
    public static Map<String, NDArray> load(NDManager manager, String name) {
        String resource = "/golden/" + name + ".npz";
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource
                        + " (regenerate with src/test/python/" + name + ".py)");
            }
            return decode(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Loads every array of an .npz file, keyed by its name in the archive. */
    public static Map<String, NDArray> load(NDManager manager, java.nio.file.Path npz) {
        try (InputStream in = java.nio.file.Files.newInputStream(npz)) {
            return decode(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + npz, e);
        }
    }

    private static Map<String, NDArray> decode(NDManager manager, InputStream in) throws IOException {
        NDList list = NDList.decode(manager, in);
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : list) {
            String key = a.getName();
            if (key != null && key.endsWith(".npy")) {
                key = key.substring(0, key.length() - 4);
            }
            byName.put(key, a);
        }
        return byName;
    }

    /** Asserts same shape and every element within {@code atol + rtol * |expected|}. */
    public static void assertClose(NDArray expected, NDArray actual, double atol, double rtol, String what) {
        assertArrayEquals(expected.getShape().getShape(), actual.getShape().getShape(),
                what + ": shape " + actual.getShape() + " != expected " + expected.getShape());
        float[] e = expected.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[] a = actual.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        double worst = 0; // largest excess over the tolerance
        int worstAt = -1;
        for (int i = 0; i < e.length; i++) {
            double excess = Math.abs(e[i] - a[i]) - (atol + rtol * Math.abs(e[i]));
            if (Double.isNaN(excess)) {
                fail(String.format("%s: element %d is %g, expected %g", what, i, a[i], e[i]));
            }
            if (excess > worst) {
                worst = excess;
                worstAt = i;
            }
        }
        if (worstAt >= 0) {
            fail(String.format("%s: element %d is %g, expected %g (atol %g, rtol %g)",
                    what, worstAt, a[worstAt], e[worstAt], atol, rtol));
        }
    }

    /** {@link #assertClose(NDArray, NDArray, double, double, String)} with the kit's 1e-5. */
    public static void assertClose(NDArray expected, NDArray actual, String what) {
        assertClose(expected, actual, 1e-5, 1e-5, what);
    }
}
