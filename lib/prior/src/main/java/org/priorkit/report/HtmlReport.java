package org.priorkit.report;

import org.priorkit.train.MetricsLog;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run-all report: one {@code index.html} that opens offline, with the results table, the PNG
 * plots, and interactive loss curves drawn by Tablesaw's Plotly wrapper with a LOCAL plotly.js
 * (copied next to the page; a page without it still shows the table and the PNGs).
 */
public final class HtmlReport {

    /** A PNG (relative to the report folder) and its caption. */
    public record Plot(String file, String caption) {}

    /** The plotly.js a build step unpacks from the npm package plotly.js-dist-min 2.x. */
    public static final String PLOTLY_JS = "plotly.min.js";

    private HtmlReport() {}

    /**
     * Writes {@code dir/index.html}.
     *
     * @param plotlyJs plotly.min.js to copy next to the page, or null (no interactive chart)
     * @param metrics  a pretraining metrics.jsonl for the interactive loss chart, or null
     */
    public static Path write(Path dir, String title, String intro, ResultsTable results, List<Plot> figures,
                             Path metrics, Path plotlyJs) throws IOException {
        Files.createDirectories(dir);
        String interactive = "";
        if (plotlyJs != null && metrics != null && Files.exists(plotlyJs) && Files.exists(metrics)) {
            Files.copy(plotlyJs, dir.resolve(PLOTLY_JS), StandardCopyOption.REPLACE_EXISTING);
            // The div first: the figure's script looks it up when it runs.
            interactive = "<h2>Pretraining losses (interactive)</h2>\n<div id=\"losses\"></div>\n<script src=\""
                    + PLOTLY_JS + "\"></script>\n" + lossFigure(metrics).asJavascript("losses") + "\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(ResultsTable.escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1200px}"
                        + "table.results{border-collapse:collapse;font-size:13px}"
                        + "table.results td,table.results th{border:1px solid #ccc;padding:4px 6px;text-align:right}"
                        + "table.results td:first-child{text-align:left}figure{display:inline-block;margin:1em}"
                        + "img{max-width:520px}</style></head><body>\n");
        sb.append("<h1>").append(ResultsTable.escape(title)).append("</h1>\n<p>").append(ResultsTable.escape(intro)).append("</p>\n");
        sb.append("<h2>Results: the ablation ladder</h2>\n").append(results.toHtml());
        sb.append("<p>Also as <a href=\"results.csv\">results.csv</a> and <a href=\"results.md\">results.md</a>.</p>\n");
        sb.append(interactive);
        if (!figures.isEmpty()) {
            sb.append("<h2>Plots</h2>\n");
            for (Plot f : figures) {
                sb.append("<figure><img src=\"").append(f.file()).append("\" alt=\"").append(ResultsTable.escape(f.caption()))
                        .append("\"><figcaption>").append(ResultsTable.escape(f.caption())).append("</figcaption></figure>\n");
            }
        }
        sb.append("</body></html>\n");
        results.write(dir);
        Path page = dir.resolve("index.html");
        Files.writeString(page, sb.toString(), StandardCharsets.UTF_8);
        return page;
    }

    /** Every loss term (not their weighted total) against the global step, one line each. */
    static Figure lossFigure(Path metrics) throws IOException {
        List<Map<String, Object>> rows = MetricsLog.read(metrics);
        Set<String> terms = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            r.forEach((k, v) -> {
                // Not the weighted total: at ~40 in stage 3 it flattened every term (plots/losses.png has it).
                if (v instanceof Number && !Set.of("step", "stage", "stage_step", "lr", "images_per_s", "total").contains(k)) {
                    terms.add(k);
                }
            });
        }
        List<Trace> traces = new ArrayList<>();
        for (String term : terms) {
            Map<Double, Double> points = new LinkedHashMap<>();
            for (Map<String, Object> r : rows) {
                if (r.get(term) instanceof Number v) {
                    points.put(((Number) r.get("step")).doubleValue(), v.doubleValue());
                }
            }
            double[] x = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(term).build());
        }
        Layout layout = Layout.builder().title("loss terms by step (stages 1-3; click a term to hide it)")
                .xAxis(Axis.builder().title("step").build()).yAxis(Axis.builder().title("loss").build())
                .height(450).width(900).build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }
}
