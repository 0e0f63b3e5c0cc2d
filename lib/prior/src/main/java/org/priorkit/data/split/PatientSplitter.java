package org.priorkit.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Splits records into train / val / test BY PATIENT: all images of one patient land in the same
 * split, otherwise a model is tested on the very person it was trained on and scores too well.
 *
 * <p>Deterministic for a seed: patients are sorted, shuffled with {@code java.util.Random(seed)}
 * (its algorithm is fixed by the Java spec), then cut by the ratios (rounded, train takes the
 * remainder). Records keep their input order inside each split.
 */
public final class PatientSplitter {

    private PatientSplitter() {}

    public static <T> Splits<T> split(List<T> records, Function<T, String> patientOf,
                                      SplitRatios ratios, long seed) {
        List<String> patients = new ArrayList<>(new TreeSet<>(records.stream().map(patientOf).toList()));
        Collections.shuffle(patients, new Random(seed));
        int n = patients.size();
        int nVal = (int) Math.round(n * ratios.val() / ratios.sum());
        int nTest = (int) Math.round(n * ratios.test() / ratios.sum());
        if (nVal + nTest >= n && n > 0) {
            // Tiny sets: keep at least one training patient.
            nTest = Math.max(0, Math.min(nTest, n - 1 - nVal));
            nVal = Math.min(nVal, n - 1 - nTest);
        }
        Map<String, Integer> splitOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            splitOf.put(patients.get(i), i < nVal ? 1 : i < nVal + nTest ? 2 : 0);
        }
        List<T> train = new ArrayList<>();
        List<T> val = new ArrayList<>();
        List<T> test = new ArrayList<>();
        for (T r : records) {
            switch (splitOf.get(patientOf.apply(r))) {
                case 1 -> val.add(r);
                case 2 -> test.add(r);
                default -> train.add(r);
            }
        }
        return new Splits<>(train, val, test);
    }
}
