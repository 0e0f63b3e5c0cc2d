package org.priorkit.kernel.display;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Turns a notebook value into a Jupyter MIME bundle ({@code mime type -> data}).
 *
 * <p>Libraries of the notebook class path are recognised by class name through the value's own
 * class loader, so the kernel compiles and runs without them: XChart charts and AWT images become
 * {@code image/png}, Tablesaw tables {@code text/html} plus {@code text/plain}, everything else
 * (DJL's NDArray included, whose {@code toString} prints shape and values) {@code text/plain}.
 */
public final class MimeBundles {

    public static final String PLAIN = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";

    /** Rows of a table shown as HTML before the "... more rows" line. */
    static final int MAX_HTML_ROWS = 20;

    private record ByName(String className, Function<Object, Map<String, Object>> render) {}

    private static final List<ByName> BY_NAME = List.of(
            new ByName("org.knowm.xchart.internal.chartpart.Chart", MimeBundles::chart),
            new ByName("tech.tablesaw.api.Table", MimeBundles::table),
            new ByName("ai.djl.ndarray.NDArray", v -> Map.of(PLAIN, v.toString())));

    private MimeBundles() {}

    public static Map<String, Object> of(Object value) {
        if (value == null) {
            return Map.of(PLAIN, "null");
        }
        if (value instanceof Display.Rendered rendered) {
            return rendered.bundle(); // render(x): already a bundle
        }
        if (value instanceof RenderedImage image) {
            return image(image, "image " + image.getWidth() + "x" + image.getHeight());
        }
        for (ByName r : BY_NAME) {
            if (isInstance(value, r.className())) {
                return r.render().apply(value);
            }
        }
        if (value.getClass().isArray()) {
            String nested = Arrays.deepToString(new Object[] {value}); // handles int[], double[][], ...
            return Map.of(PLAIN, nested.substring(1, nested.length() - 1));
        }
        return Map.of(PLAIN, String.valueOf(value));
    }

    private static Map<String, Object> image(RenderedImage image, String text) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(PNG, Base64.getEncoder().encodeToString(png.toByteArray()));
        bundle.put(PLAIN, text);
        return bundle;
    }

    /** XChart: {@code BitmapEncoder.getBufferedImage(chart)}, found through the chart's loader. */
    private static Map<String, Object> chart(Object chart) {
        Class<?> encoder = load("org.knowm.xchart.BitmapEncoder", chart)
                .orElseThrow(() -> new IllegalStateException("XChart's BitmapEncoder is not on the class path"));
        Method toImage = Arrays.stream(encoder.getMethods())
                .filter(m -> m.getName().equals("getBufferedImage") && m.getParameterCount() == 1
                        && m.getParameterTypes()[0].isInstance(chart))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("this XChart version has no BitmapEncoder.getBufferedImage(chart)"));
        RenderedImage image = (RenderedImage) invoke(toImage, null, chart);
        return image(image, chart.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight());
    }

    /** Tablesaw: an HTML table of the first rows, and Tablesaw's own text preview. */
    private static Map<String, Object> table(Object table) {
        String name = (String) call(table, "name");
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) call(table, "columnNames");
        int rows = (Integer) call(table, "rowCount");
        Method cell = method(table, "getString", int.class, int.class);

        StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n");
        if (name != null && !name.isBlank()) {
            html.append("<caption>").append(escape(name)).append("</caption>\n");
        }
        html.append("<thead><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < Math.min(rows, MAX_HTML_ROWS); r++) {
            html.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                html.append("<td>").append(escape(String.valueOf(invoke(cell, table, r, c)))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (rows > MAX_HTML_ROWS) {
            html.append("<p>... ").append(rows - MAX_HTML_ROWS).append(" more rows</p>\n");
        }
        html.append("<p>").append(rows).append(" rows &times; ").append(columns.size()).append(" columns</p>\n");

        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(HTML, html.toString());
        bundle.put(PLAIN, table.toString());
        return bundle;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean isInstance(Object value, String className) {
        return load(className, value).map(c -> c.isInstance(value)).orElse(false);
    }

    private static Optional<Class<?>> load(String className, Object from) {
        try {
            return Optional.of(Class.forName(className, false, from.getClass().getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Object call(Object target, String name) {
        return invoke(method(target, name), target);
    }

    private static Method method(Object target, String name, Class<?>... parameters) {
        try {
            return target.getClass().getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(target.getClass().getName() + " has no public " + name + "()", e);
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
