package org.priorkit.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java twin of {@code src/test/python/deterministic_weights.py}: a state_dict given by a formula,
 * so golden tests of full-size networks need no multi-megabyte weight file. The names and shapes come
 * from {@code golden/NAME_keys.txt}, written by the Python script from the PyTorch module itself.
 */
public final class DeterministicWeights {

    private DeterministicWeights() {}

    /** The state_dict listed in {@code golden/NAME_keys.txt}, filled by the formula, float32. */
    public static Map<String, NDArray> load(NDManager manager, String name) {
        String resource = "/golden/" + name + "_keys.txt";
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (InputStream in = DeterministicWeights.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int k = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                long[] dims = parts.length < 2 ? new long[0]
                        : Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray();
                out.put(parts[0], manager.create(values(k++, parts[0], dims), new Shape(dims)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }

    static float[] values(int k, String name, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        long fanIn = 1;
        for (int i = 1; i < shape.length; i++) {
            fanIn *= shape[i];
        }
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            double base = Math.sin(0.731 * i + 0.113 * k);
            double x;
            if (name.endsWith("running_var")) {
                x = 1 + 0.25 * (base + 1);
            } else if (shape.length == 1 && name.endsWith("weight")) {
                x = 1 + 0.1 * base;
            } else if (shape.length <= 1) {
                x = 0.1 * base;
            } else {
                x = base * (shape.length == 4 ? 2.0 : 1.0) / Math.sqrt(fanIn);
            }
            v[i] = (float) x;
        }
        return v;
    }
}
