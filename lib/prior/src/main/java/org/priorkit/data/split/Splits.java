package org.priorkit.data.split;

import java.util.List;

/**
 * Three disjoint lists of records.
 *
 * @param train training records
 * @param val validation records
 * @param test test records
 */
public record Splits<T>(List<T> train, List<T> val, List<T> test) {

    public Splits {
        train = List.copyOf(train);
        val = List.copyOf(val);
        test = List.copyOf(test);
    }
}
