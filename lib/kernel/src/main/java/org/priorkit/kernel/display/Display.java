package org.priorkit.kernel.display;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What notebooks call: {@code display(chart)} shows a value as rich output now, wherever it is in
 * the cell. Every cell has {@code import static org.priorkit.kernel.display.Display.display;}.
 * It returns nothing, so a trailing {@code display(x)} does not also print an id.
 */
public final class Display {

    /** Where bundles go; the kernel installs the Jupyter one. Outside a kernel: plain text to stdout. */
    private static volatile Consumer<Map<String, Object>> sink =
            bundle -> System.out.println(bundle.get(MimeBundles.PLAIN));

    /** Where clear requests go; the kernel installs the Jupyter one. Outside a kernel: nothing to clear. */
    private static volatile Consumer<Boolean> clearSink = wait -> { };

    private Display() {}

    public static void display(Object value) {
        sink.accept(MimeBundles.of(value));
    }

    /**
     * Clears the cell's output so far, as IPython's {@code clear_output}: at once, or with {@code wait}
     * only when the next output arrives (a loop that redraws a chart then does not flicker).
     */
    public static void clearOutput(boolean wait) {
        clearSink.accept(wait);
    }

    /** {@link #clearOutput(boolean)} at once. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** For the kernel: route displayed bundles to Jupyter. */
    public static void setSink(Consumer<Map<String, Object>> jupyter) {
        sink = Objects.requireNonNull(jupyter);
    }

    /** For the kernel: route clear requests to Jupyter. */
    public static void setClearSink(Consumer<Boolean> jupyter) {
        clearSink = Objects.requireNonNull(jupyter);
    }
}
