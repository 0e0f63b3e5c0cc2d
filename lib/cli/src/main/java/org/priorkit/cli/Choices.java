package org.priorkit.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses an option's text into one of an enum's values, naming the valid ones when it is none of them. */
final class Choices {

    private Choices() {}

    /**
     * The constant of {@code type} that {@code text} names, ignoring case, with '-' for '_'
     * ("fine-tune" is FINE_TUNE). Otherwise an error such as "--dataset foo: not one of chexpert, rsna".
     */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " " + text + ": not one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
    }
}
