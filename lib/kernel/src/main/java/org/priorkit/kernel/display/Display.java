package org.priorkit.kernel.display;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What notebooks call, as IJava names it: {@code display(x)} shows a value as rich output now, wherever
 * it is in the cell, and returns its display id; {@code updateDisplay(id, y)} replaces that output in
 * place (a progress chart redrawn by a loop); {@code render(x)} is the bundle itself, shown when it is a
 * cell's value; {@code clearOutput()} clears the cell's output. Every cell has these imported. A cell
 * whose last line is a {@code display(...)} call does not also print the id (the kernel hides it).
 */
public final class Display {

    /** A value rendered to MIME types, as {@code render} returns it; the kernel shows it as it is. */
    public record Rendered(Map<String, Object> bundle) {}

    /** Where output goes; the kernel installs the Jupyter one. Outside a kernel: text on stdout. */
    public interface Sink {
        void show(Map<String, Object> bundle, String displayId);

        void update(String displayId, Map<String, Object> bundle);

        void clear(boolean wait);
    }

    private static final Sink TEXT = new Sink() {
        @Override
        public void show(Map<String, Object> bundle, String displayId) {
            System.out.println(bundle.get(MimeBundles.PLAIN));
        }

        @Override
        public void update(String displayId, Map<String, Object> bundle) {
            System.out.println(bundle.get(MimeBundles.PLAIN));
        }

        @Override
        public void clear(boolean wait) {
            // a terminal has nothing to clear
        }
    };

    private static volatile Sink sink = TEXT;

    private Display() {}

    /** Shows {@code value} now and returns its display id, for {@link #updateDisplay}. */
    public static String display(Object value) {
        return show(render(value).bundle());
    }

    /** Shows {@code value} as the given MIME types only (e.g. "text/plain"), and returns its display id. */
    public static String display(Object value, String... mimeTypes) {
        return show(render(value, mimeTypes).bundle());
    }

    /** Replaces the output shown under {@code displayId} by {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        sink.update(Objects.requireNonNull(displayId, "displayId"), render(value).bundle());
    }

    /** Replaces the output shown under {@code displayId} by {@code value} as the given MIME types only. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        sink.update(Objects.requireNonNull(displayId, "displayId"), render(value, mimeTypes).bundle());
    }

    /** {@code value} as its MIME bundle; a cell whose value this is shows it. */
    public static Rendered render(Object value) {
        return value instanceof Rendered r ? r : new Rendered(MimeBundles.of(value));
    }

    /** {@code value} as the given MIME types only; an error names the types it has when one is missing. */
    public static Rendered render(Object value, String... mimeTypes) {
        Map<String, Object> all = render(value).bundle();
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String type : mimeTypes) {
            if (!all.containsKey(type)) {
                throw new IllegalArgumentException("this value renders as " + List.copyOf(all.keySet()) + ", not " + type);
            }
            chosen.put(type, all.get(type));
        }
        return new Rendered(chosen.isEmpty() ? all : chosen);
    }

    /**
     * Clears the cell's output so far, as IPython's {@code clear_output}: at once, or with {@code wait}
     * only when the next output arrives (a loop that redraws a chart then does not flicker).
     */
    public static void clearOutput(boolean wait) {
        sink.clear(wait);
    }

    /** {@link #clearOutput(boolean)} at once. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** For the kernel: route output to Jupyter. */
    public static void setSink(Sink jupyter) {
        sink = Objects.requireNonNull(jupyter);
    }

    private static String show(Map<String, Object> bundle) {
        String id = UUID.randomUUID().toString();
        sink.show(bundle, id);
        return id;
    }
}
