package org.priorkit.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ablation ladder's results: every metric of every task for every rung, mean and standard
 * deviation over the repetitions (pretraining runs x downstream seeds). Long form as a Tablesaw table
 * and CSV; as Markdown and HTML one table per label fraction (rungs down, metrics across,
 * "mean ± std") and one for the tasks that train on no labels, as README shows them.
 */
public final class ResultsTable {

    /** Mean and sample standard deviation of one cell, over {@code n} repetitions. */
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

    /** The label fractions of the supervised tasks, ascending; 0 (no labels) last if present. */
    public List<Double> fractions() {
        Set<Double> s = new java.util.TreeSet<>();
        rows.forEach(r -> s.add(r.fraction()));
        List<Double> out = new ArrayList<>(s.stream().filter(f -> f > 0).toList());
        if (s.contains(0.0)) {
            out.add(0.0);
        }
        return out;
    }

    /** The pretraining seeds, in first-seen order. */
    public List<Long> pretrainSeeds() {
        Set<Long> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.pretrainSeed()));
        return List.copyOf(s);
    }

    /** The cell of one rung and column, aggregated over repetitions (NaN values are left out). */
    public Cell cell(String rung, String column) {
        return cell(r -> r.rung().equals(rung) && r.column().equals(column));
    }

    /** The cell of one rung and column for one pretraining run only (over its downstream seeds). */
    public Cell cell(String rung, String column, long pretrainSeed) {
        return cell(r -> r.rung().equals(rung) && r.column().equals(column) && r.pretrainSeed() == pretrainSeed);
    }

    private Cell cell(java.util.function.Predicate<ResultRow> which) {
        List<Double> values = new ArrayList<>();
        for (ResultRow r : rows) {
            if (which.test(r) && !Double.isNaN(r.value())) {
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

    /** Long form: one row per (rung, task, metric, fraction, pretraining seed, seed). */
    public Table toTable() {
        return Table.create("results",
                StringColumn.create("rung", rows.stream().map(ResultRow::rung).toList()),
                StringColumn.create("task", rows.stream().map(ResultRow::task).toList()),
                StringColumn.create("metric", rows.stream().map(ResultRow::metric).toList()),
                DoubleColumn.create("fraction", rows.stream().mapToDouble(ResultRow::fraction).toArray()),
                IntColumn.create("pretrain_seed", rows.stream().mapToInt(r -> (int) r.pretrainSeed()).toArray()),
                IntColumn.create("seed", rows.stream().mapToInt(r -> (int) r.seed()).toArray()),
                DoubleColumn.create("value", rows.stream().mapToDouble(ResultRow::value).toArray()));
    }

    /** Wide form: one row per rung, one column per metric and fraction, cells "mean ± std". */
    public Table toWideTable() {
        List<String> rungs = rungs();
        Table t = Table.create("ablation ladder", StringColumn.create("rung", rungs));
        for (String c : columns()) {
            t.addColumns(StringColumn.create(c, rungs.stream().map(r -> cell(r, c).format()).toList()));
        }
        return t;
    }

    /** The title of one fraction's table: "1% of the training labels" or "No training labels". */
    public static String title(double fraction) {
        return fraction == 0 ? "No training labels" : ResultRow.percent(fraction) + " of the training labels";
    }

    /** The metric names ("task: metric") of one fraction, in first-seen order. */
    public List<String> metrics(double fraction) {
        Set<String> s = new LinkedHashSet<>();
        rows.stream().filter(r -> r.fraction() == fraction).forEach(r -> s.add(r.metricName()));
        return List.copyOf(s);
    }

    /** Markdown: one table per fraction (rungs down, metrics across), then the no-label tasks. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        int runs = pretrainSeeds().size();
        if (runs > 1) {
            sb.append("Mean ± std over ").append(runs).append(" pretraining runs (seeds ")
                    .append(pretrainSeeds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                    .append(") and their downstream seeds.\n\n");
        }
        for (double f : fractions()) {
            List<String> metrics = metrics(f);
            sb.append("**").append(title(f)).append("**\n\n| rung | ").append(String.join(" | ", metrics)).append(" |\n|---|");
            metrics.forEach(m -> sb.append("---|"));
            sb.append('\n');
            for (String rung : rungs()) {
                sb.append("| ").append(rung).append(" |");
                for (String m : metrics) {
                    sb.append(' ').append(cell(rung, ResultRow.column(m, f)).format()).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (runs > 1) {
            sb.append(perPretrainingRun());
        }
        return sb.toString();
    }

    /** Markdown: every rung and metric of the smallest fraction and of the no-label tasks, one column per run. */
    private String perPretrainingRun() {
        List<Long> seeds = pretrainSeeds();
        StringBuilder sb = new StringBuilder("**Each pretraining run**\n\n| rung | metric |");
        seeds.forEach(s -> sb.append(" seed ").append(s).append(" |"));
        sb.append("\n|---|---|");
        seeds.forEach(s -> sb.append("---|"));
        sb.append('\n');
        List<Double> shown = new ArrayList<>();
        fractions().stream().filter(f -> f > 0).findFirst().ifPresent(shown::add);
        if (fractions().contains(0.0)) {
            shown.add(0.0);
        }
        for (String rung : rungs()) {
            for (double f : shown) {
                for (String m : metrics(f)) {
                    String c = ResultRow.column(m, f);
                    sb.append("| ").append(rung).append(" | ").append(c).append(" |");
                    seeds.forEach(s -> sb.append(' ').append(cell(rung, c, s).format()).append(" |"));
                    sb.append('\n');
                }
            }
        }
        return sb.append('\n').toString();
    }

    /** HTML: one table per fraction as in {@link #toMarkdown}, the best value of each column in bold. */
    public String toHtml() {
        StringBuilder sb = new StringBuilder();
        for (double f : fractions()) {
            List<String> metrics = metrics(f);
            sb.append("<h3>").append(escape(title(f))).append("</h3>\n<table class=\"results\">\n<tr><th>rung</th>");
            metrics.forEach(m -> sb.append("<th>").append(escape(m)).append("</th>"));
            sb.append("</tr>\n");
            double[] best = metrics.stream().mapToDouble(m -> rungs().stream()
                    .mapToDouble(r -> cell(r, ResultRow.column(m, f)).mean()).filter(v -> !Double.isNaN(v))
                    .max().orElse(Double.NaN)).toArray(); // per metric, over the rungs
            for (String rung : rungs()) {
                sb.append("<tr><td>").append(escape(rung)).append("</td>");
                for (int k = 0; k < metrics.size(); k++) {
                    Cell cell = cell(rung, ResultRow.column(metrics.get(k), f));
                    boolean isBest = cell.mean() == best[k];
                    sb.append("<td>").append(isBest ? "<b>" : "").append(escape(cell.format())).append(isBest ? "</b>" : "")
                            .append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.toString();
    }

    /** Writes results.csv (long form) and results.md (one table per fraction) into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        toTable().write().csv(dir.resolve("results.csv").toString());
        Files.writeString(dir.resolve("results.md"), toMarkdown());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
