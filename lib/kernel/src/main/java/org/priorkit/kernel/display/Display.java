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

    private Display() {}

    public static void display(Object value) {
        sink.accept(MimeBundles.of(value));
    }

    /** For the kernel: route displayed bundles to Jupyter. */
    public static void setSink(Consumer<Map<String, Object>> jupyter) {
        sink = Objects.requireNonNull(jupyter);
    }
}
