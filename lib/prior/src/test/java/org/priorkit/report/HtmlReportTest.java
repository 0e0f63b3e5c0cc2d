package org.priorkit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HtmlReportTest {

    @Test
    void pageHasTableFiguresAndALocalInteractiveChart(@TempDir Path dir) throws Exception {
        Path metrics = dir.resolve("metrics.jsonl");
        Files.writeString(metrics, """
                {"step":1,"stage":1,"stage_name":"align","lr":1e-4,"images_per_s":50,"global":2.7,"local_text":1.5,"total":41.0}
                {"step":2,"stage":1,"stage_name":"align","lr":1e-4,"images_per_s":50,"global":2.5,"local_text":1.2,"total":40.0}
                """);
        Path plotly = dir.resolve("fake-plotly.js");
        Files.writeString(plotly, "/* plotly */");
        ResultsTable results = new ResultsTable(List.of(new ResultRow("PRIOR", "zero-shot", "accuracy", 0, 42, 0, 0.5)));
        Path out = dir.resolve("report");
        Path page = HtmlReport.write(out, "Run all", "intro <text>", results,
                List.of(new HtmlReport.Plot("plots/roc.png", "ROC curves")), metrics, plotly);
        String html = Files.readString(page);
        assertTrue(html.contains("<script src=\"plotly.min.js\"></script>"), html);
        assertTrue(html.contains("Plotly.newPlot") && html.contains("name: 'global'") && html.contains("name: 'local_text'"), html);
        assertFalse(html.contains("name: 'total'"), "the weighted total would flatten the terms");
        assertTrue(html.indexOf("<div id=\"losses\">") < html.indexOf("Plotly.newPlot"), "div before its script");
        assertTrue(html.contains("<img src=\"plots/roc.png\""));
        assertTrue(html.contains("intro &lt;text&gt;"));
        assertTrue(html.contains("<b>0.500</b>"));
        assertFalse(html.contains("cdn."), "the page must not load anything from the web");
        assertTrue(Files.exists(out.resolve("plotly.min.js")));
        assertTrue(Files.exists(out.resolve("results.csv")) && Files.exists(out.resolve("results.md")));
    }

    @Test
    void withoutPlotlyThePageStillHasTheTable(@TempDir Path dir) throws Exception {
        ResultsTable results = new ResultsTable(List.of(new ResultRow("PRIOR", "zero-shot", "accuracy", 0, 42, 0, 0.5)));
        String html = Files.readString(HtmlReport.write(dir, "t", "i", results, List.of(), null, null));
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("zero-shot: accuracy"));
    }
}
