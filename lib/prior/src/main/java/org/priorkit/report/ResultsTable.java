package org.priorkit.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ablation ladder's results: every metric of every task for every rung, mean and standard
 * deviation over seeds. Long form as a Tablesaw table and CSV; wide form (rungs down, metrics
 * across, "mean ± std") as Markdown and HTML.
 */
public final class ResultsTable {

    /** Mean and sample standard deviation of one cell, over {@code n} seeds. */
    public record Cell(double mean, double std, int n) {
        public String format() {
            if (Double.isNaN(mean)) {
                return "n/a";
            }
            return n > 1 ? String.format(Locale.ROOT, "%.3f ± %.3f", mean, std) : String.format(Locale.ROOT, "%.3f", mean);
        }
    }

    private final List<ResultRow> rows;

    public ResultsTable(List<ResultRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<ResultRow> rows() {
        return rows;
    }

    /** Rungs in first-seen order. */
    public List<String> rungs() {
        Set<String> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.rung()));
        return List.copyOf(s);
    }

    /** Columns ("task: metric @ f%") in first-seen order. */
    public List<String> columns() {
        Set<String> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.column()));
        return List.copyOf(s);
    }

    /** The cell of one rung and column, aggregated over seeds (NaN values are left out). */
    public Cell cell(String rung, String column) {
        List<Double> values = new ArrayList<>();
        for (ResultRow r : rows) {
            if (r.rung().equals(rung) && r.column().equals(column) && !Double.isNaN(r.value())) {
                values.add(r.value());
            }
        }
        if (values.isEmpty()) {
            return new Cell(Double.NaN, Double.NaN, 0);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0;
        return new Cell(mean, std, values.size());
    }

    /** Long form: one row per (rung, task, metric, fraction, seed). */
    public Table toTable() {
        return Table.create("results",
                StringColumn.create("rung", rows.stream().map(ResultRow::rung).toList()),
                StringColumn.create("task", rows.stream().map(ResultRow::task).toList()),
                StringColumn.create("metric", rows.stream().map(ResultRow::metric).toList()),
                DoubleColumn.create("fraction", rows.stream().mapToDouble(ResultRow::fraction).toArray()),
                IntColumn.create("seed", rows.stream().mapToInt(r -> (int) r.seed()).toArray()),
                DoubleColumn.create("value", rows.stream().mapToDouble(ResultRow::value).toArray()));
    }

    /** Wide form: one row per rung, one column per metric, cells "mean ± std". */
    public Table toWideTable() {
        List<String> rungs = rungs();
        Table t = Table.create("ablation ladder", StringColumn.create("rung", rungs));
        for (String c : columns()) {
            t.addColumns(StringColumn.create(c, rungs.stream().map(r -> cell(r, c).format()).toList()));
        }
        return t;
    }

    /** Markdown of the wide form (rungs down, metrics across). */
    public String toMarkdown() {
        List<String> cols = columns();
        StringBuilder sb = new StringBuilder("| rung | ").append(String.join(" | ", cols)).append(" |\n|---|");
        cols.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (String rung : rungs()) {
            sb.append("| ").append(rung).append(" | ");
            for (String c : cols) {
                sb.append(cell(rung, c).format()).append(" | ");
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** HTML table of the wide form, with the best value of each column in bold. */
    public String toHtml() {
        List<String> cols = columns();
        Map<String, Double> best = new LinkedHashMap<>();
        for (String c : cols) {
            best.put(c, rungs().stream().mapToDouble(r -> cell(r, c).mean()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN));
        }
        StringBuilder sb = new StringBuilder("<table class=\"results\">\n<tr><th>rung</th>");
        cols.forEach(c -> sb.append("<th>").append(escape(c)).append("</th>"));
        sb.append("</tr>\n");
        for (String rung : rungs()) {
            sb.append("<tr><td>").append(escape(rung)).append("</td>");
            for (String c : cols) {
                Cell cell = cell(rung, c);
                boolean isBest = cell.mean() == best.get(c);
                sb.append("<td>").append(isBest ? "<b>" : "").append(escape(cell.format())).append(isBest ? "</b>" : "").append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** Writes results.csv (long form) and results.md (wide form) into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        toTable().write().csv(dir.resolve("results.csv").toString());
        Files.writeString(dir.resolve("results.md"), toMarkdown());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
