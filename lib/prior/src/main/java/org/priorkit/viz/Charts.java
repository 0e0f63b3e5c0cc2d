package org.priorkit.viz;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XChart charts for the notebooks and the run-all report. Each method builds one chart from plain
 * arrays (or the rows of a {@code metrics.jsonl}); show it in a notebook as the cell's value or with
 * {@code display(chart)}, or write it with {@link #savePng}.
 */
public final class Charts {

    /** Columns of a {@code metrics.jsonl} row that are not loss terms. */
    public static final Set<String> METRIC_COLUMNS = Set.of("step", "stage", "stage_name", "stage_step", "lr",
            "images_per_s");

    private static final int WIDTH = 600;
    private static final int HEIGHT = 360;

    private Charts() {}

    /** Writes {@code chart} as a PNG file (parent folders are created). */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", file.toFile()); // saveBitmap is deprecated
    }

    /** The loss terms logged in {@code rows} (every numeric column but step, stage, lr, ...), in first-seen order. */
    public static List<String> lossTerms(List<Map<String, Object>> rows) {
        Set<String> terms = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            for (Map.Entry<String, Object> e : r.entrySet()) {
                if (!METRIC_COLUMNS.contains(e.getKey()) && e.getValue() instanceof Number) {
                    terms.add(e.getKey());
                }
            }
        }
        return new ArrayList<>(terms);
    }

    /**
     * Every loss term against the global step over the whole run, with a dashed line where each
     * stage starts (terms appear when their stage adds them). {@code terms} empty: all but "total".
     */
    public static XYChart lossCurves(List<Map<String, Object>> rows, String... terms) {
        XYChart chart = xy("loss per step", "global step", "loss (unweighted)");
        chart.getStyler().setXAxisDecimalPattern("#").setXAxisLabelRotation(45); // 4-digit steps would touch
        for (String term : chosen(rows, terms)) {
            addSeries(chart, term, rows, term, -1);
        }
        markStages(chart, rows);
        return chart;
    }

    /** A dashed vertical line where each stage after the first starts. */
    private static void markStages(XYChart chart, List<Map<String, Object>> rows) {
        int previous = -1;
        for (Map<String, Object> r : rows) {
            int stage = number(r, "stage").intValue();
            if (stage != previous && previous != -1) {
                chart.addAnnotation(new AnnotationLine(number(r, "step").doubleValue() - 0.5, true, false));
            }
            previous = stage;
        }
    }

    /** The loss terms of one stage (1-based, as logged) against the step within the stage. */
    public static XYChart lossCurves(List<Map<String, Object>> rows, int stage, String... terms) {
        List<Map<String, Object>> mine = rows.stream().filter(r -> number(r, "stage").intValue() == stage).toList();
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("no rows of stage " + stage + " in the metrics");
        }
        XYChart chart = xy("stage " + stage + " (" + mine.get(0).get("stage_name") + ")", "step in stage", "loss");
        chart.getStyler().setXAxisDecimalPattern("#").setXAxisLabelRotation(45);
        for (String term : chosen(mine, terms)) {
            addSeries(chart, term, mine, term, stage);
        }
        return chart;
    }

    /** One chart per logged stage, in stage order. */
    public static List<XYChart> lossCurvesByStage(List<Map<String, Object>> rows, String... terms) {
        List<XYChart> charts = new ArrayList<>();
        rows.stream().map(r -> number(r, "stage").intValue()).distinct().sorted()
                .forEach(s -> charts.add(lossCurves(rows, s, terms)));
        return charts;
    }

    /**
     * The global InfoNCE of each run as a fraction of ln B, its value for a model that cannot tell the
     * batch's pairs apart (B = the batch size): 1 is chance, 0 perfect. A moving average over
     * {@code window} steps hides the per-batch noise; dashed lines mark where the first run's stages start.
     */
    public static XYChart globalAlignment(Map<String, List<Map<String, Object>>> runs, int batchSize, int window) {
        if (batchSize < 2 || window < 1) {
            throw new IllegalArgumentException("batch size >= 2 and window >= 1, got " + batchSize + ", " + window);
        }
        XYChart chart = xy("global alignment: InfoNCE / ln " + batchSize + " (1 = chance)", "global step",
                "global InfoNCE / ln B");
        chart.getStyler().setXAxisDecimalPattern("#").setXAxisLabelRotation(45);
        double lnB = Math.log(batchSize);
        double lastStep = 1;
        for (Map.Entry<String, List<Map<String, Object>>> run : runs.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (Map<String, Object> r : run.getValue()) {
                if (r.get("global") instanceof Number v) {
                    xs.add(number(r, "step").doubleValue());
                    raw.add(v.doubleValue() / lnB);
                }
            }
            List<Double> smooth = new ArrayList<>(raw.size());
            double sum = 0;
            for (int i = 0; i < raw.size(); i++) { // trailing mean over the last `window` steps
                sum += raw.get(i) - (i >= window ? raw.get(i - window) : 0);
                smooth.add(sum / Math.min(i + 1, window));
            }
            if (!xs.isEmpty()) {
                chart.addSeries(run.getKey(), xs, smooth).setMarker(SeriesMarkers.NONE);
                lastStep = Math.max(lastStep, xs.get(xs.size() - 1));
            }
        }
        chart.addSeries("chance (ln B)", new double[] {1, lastStep}, new double[] {1, 1}).setMarker(SeriesMarkers.NONE)
                .setLineColor(Color.GRAY).setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        if (!runs.isEmpty()) {
            markStages(chart, runs.values().iterator().next());
        }
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** Writes charts side by side into one PNG (e.g. {@link #lossCurvesByStage}: one panel per stage). */
    public static void savePngRow(List<? extends Chart<?, ?>> charts, Path file) throws IOException {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("no charts to write to " + file);
        }
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        for (Chart<?, ?> c : charts) {
            images.add(BitmapEncoder.getBufferedImage(c));
        }
        int width = images.stream().mapToInt(java.awt.image.BufferedImage::getWidth).sum();
        int height = images.stream().mapToInt(java.awt.image.BufferedImage::getHeight).max().orElse(1);
        java.awt.image.BufferedImage row = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = row.createGraphics(); // panels of equal height cover the whole image
        int x = 0;
        for (java.awt.image.BufferedImage im : images) {
            g.drawImage(im, x, 0, null);
            x += im.getWidth();
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        javax.imageio.ImageIO.write(row, "png", file.toFile());
    }

    /** A line chart of several named series over the same x values. */
    public static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        XYChart chart = xy(title, xTitle, yTitle);
        series.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE));
        return chart;
    }

    /**
     * A matrix as a coloured grid, row 0 at the top (a batch's image-report similarity, a confusion
     * matrix). Labels may be null (indices are used); values are printed when {@code showValues}.
     */
    public static HeatMapChart heatmap(String title, double[][] matrix, List<String> rowLabels, List<String> columnLabels,
                                       boolean showValues) {
        int n = matrix.length;
        int m = n == 0 ? 0 : matrix[0].length;
        List<String> rows = rowLabels != null ? rowLabels : indexLabels(n);
        List<String> cols = columnLabels != null ? columnLabels : indexLabels(m);
        if (rows.size() != n || cols.size() != m) {
            throw new IllegalArgumentException("labels do not fit a " + n + "x" + m + " matrix");
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(420, 56 * m + 260)).height(Math.max(320, 40 * n + 140))
                .title(title).build();
        List<String> yLabels = new ArrayList<>(rows);
        java.util.Collections.reverse(yLabels); // XChart counts y upwards; row 0 belongs on top
        List<Number[]> cells = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != m) {
                throw new IllegalArgumentException("ragged matrix");
            }
            for (int j = 0; j < m; j++) {
                cells.add(new Number[] {j, n - 1 - i, round2(matrix[i][j])}); // 2 decimals: readable cells
                lo = Math.min(lo, matrix[i][j]);
                hi = Math.max(hi, matrix[i][j]);
            }
        }
        chart.addSeries("values", cols, yLabels, cells);
        chart.getStyler().setShowValue(showValues).setMin(round2(lo)).setMax(hi > lo ? round2(hi) : round2(lo) + 1)
                .setRangeColors(new Color[] {new Color(49, 54, 149), Color.WHITE, new Color(165, 0, 38)});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotContentSize(0.95);
        chart.getStyler().setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        // XChart drops category labels closer than its spacing hint (74 px): every row and column must keep its name.
        chart.getStyler().setXAxisTickMarkSpacingHint(8);
        chart.getStyler().setYAxisTickMarkSpacingHint(8);
        int longest = cols.stream().mapToInt(String::length).max().orElse(0);
        chart.getStyler().setXAxisLabelRotation(m > 6 || longest > 9 ? 45 : 0);
        return chart;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Bars of counts per category (e.g. how many sentences chose each prototype). */
    public static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories, double[] values) {
        if (categories.size() != values.length) {
            throw new IllegalArgumentException(categories.size() + " categories for " + values.length + " values");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        List<Double> ys = new ArrayList<>();
        for (double v : values) {
            ys.add(v);
        }
        chart.addSeries(yTitle, categories, ys);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 12 ? 90 : 0);
        return chart;
    }

    /** Points (N, 2) coloured by their class name (one series per class, in first-seen order). */
    public static XYChart scatter(String title, double[][] points, List<String> classes) {
        if (points.length != classes.size()) {
            throw new IllegalArgumentException(points.length + " points for " + classes.size() + " class names");
        }
        Map<String, List<double[]>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < points.length; i++) {
            byClass.computeIfAbsent(classes.get(i), k -> new ArrayList<>()).add(points[i]);
        }
        XYChart chart = xy(title, "component 1", "component 2");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(7);
        byClass.forEach((name, ps) -> chart.addSeries(name,
                ps.stream().mapToDouble(p -> p[0]).toArray(), ps.stream().mapToDouble(p -> p[1]).toArray()));
        return chart;
    }

    /** A ROC curve (false positive rate vs true positive rate) with the chance diagonal; AUROC in the legend. */
    public static XYChart roc(String title, double[] fpr, double[] tpr, double auroc) {
        XYChart chart = xy(title, "false positive rate", "true positive rate");
        chart.addSeries(String.format(java.util.Locale.ROOT, "AUROC %.3f", auroc), fpr, tpr).setMarker(SeriesMarkers.NONE);
        addChanceDiagonal(chart);
        return chart;
    }

    /** Several ROC curves on one chart (e.g. one per class, or one per model): name -> (fpr, tpr, auroc). */
    public static XYChart rocCurves(String title, Map<String, double[][]> curves) {
        XYChart chart = xy(title, "false positive rate", "true positive rate");
        curves.forEach((name, c) -> chart.addSeries(name, c[0], c[1]).setMarker(SeriesMarkers.NONE));
        addChanceDiagonal(chart);
        return chart;
    }

    /**
     * The chance diagonal of a ROC chart, on the unit square. Its middle point is off any k/n grid on
     * purpose: ROC points of n cases are equally spaced, and XChart then puts a tick on every one of
     * them (18 labels of 15 decimals each); one point off the grid gives its usual 0.2-step ticks.
     */
    private static void addChanceDiagonal(XYChart chart) {
        double offGrid = Math.PI / 10;
        chart.addSeries("chance", new double[] {0, offGrid, 1}, new double[] {0, offGrid, 1})
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    }

    /** A confusion matrix (rows truth, columns predicted) with its counts printed. */
    public static HeatMapChart confusion(String title, long[][] counts, List<String> classes) {
        double[][] m = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            m[i] = new double[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                m[i][j] = counts[i][j];
            }
        }
        HeatMapChart chart = heatmap(title, m, classes, classes, true);
        chart.setXAxisTitle("predicted");
        chart.setYAxisTitle("truth");
        return chart;
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    private static List<String> chosen(List<Map<String, Object>> rows, String... terms) {
        if (terms.length > 0) {
            return List.of(terms);
        }
        List<String> all = lossTerms(rows);
        all.remove("total");
        return all;
    }

    private static void addSeries(XYChart chart, String name, List<Map<String, Object>> rows, String term, int stage) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (r.get(term) instanceof Number v) {
                xs.add(number(r, stage > 0 && r.containsKey("stage_step") ? "stage_step" : "step").doubleValue());
                ys.add(v.doubleValue());
            }
        }
        if (!xs.isEmpty()) {
            chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE);
        }
    }

    private static Number number(Map<String, Object> row, String key) {
        if (row.get(key) instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("metrics row has no number '" + key + "': " + row);
    }

    private static List<String> indexLabels(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }
}
