package org.priorkit.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws a seeded subset of the training split for 1% / 10% / 100% runs.
 *
 * <p>Stratified when a stratum function is given (e.g. the positive/negative label): every stratum
 * gets its share by largest remainder, so a 1% sample of a rare class is not left without
 * positives by bad luck. Output keeps the input order, so the same seed gives the same list.
 */
public final class FractionSampler {

    private FractionSampler() {}

    /** Uniform sample of {@code fraction.of(n)} records. */
    public static <T> List<T> sample(List<T> records, DataFraction fraction, long seed) {
        return sample(records, fraction, seed, r -> "");
    }

    /** Stratified sample; {@code stratumOf} names each record's stratum. */
    public static <T> List<T> sample(List<T> records, DataFraction fraction, long seed,
                                     Function<T, String> stratumOf) {
        int total = fraction.of(records.size());
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            strata.computeIfAbsent(stratumOf.apply(records.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> quota = apportion(strata, total, records.size());
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (var e : strata.entrySet()) {
            List<Integer> indices = new ArrayList<>(e.getValue());
            Collections.shuffle(indices, random);
            chosen.addAll(indices.subList(0, quota.get(e.getKey())));
        }
        Collections.sort(chosen);
        return chosen.stream().map(records::get).toList();
    }

    /** Splits {@code total} over strata in proportion to their sizes (largest remainder). */
    private static Map<String, Integer> apportion(Map<String, List<Integer>> strata, int total, int n) {
        Map<String, Integer> quota = new LinkedHashMap<>();
        Map<String, Double> remainder = new LinkedHashMap<>();
        int given = 0;
        for (var e : strata.entrySet()) {
            double exact = (double) total * e.getValue().size() / n;
            int floor = (int) Math.floor(exact);
            quota.put(e.getKey(), floor);
            remainder.put(e.getKey(), exact - floor);
            given += floor;
        }
        List<String> byRemainder = new ArrayList<>(remainder.keySet());
        byRemainder.sort(Comparator.comparing(remainder::get).reversed());
        for (int i = 0; i < total - given; i++) {
            String k = byRemainder.get(i);
            quota.put(k, quota.get(k) + 1);
        }
        return quota;
    }
}
