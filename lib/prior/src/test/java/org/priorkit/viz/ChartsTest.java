package org.priorkit.viz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    /** Rows as MetricsLog writes them: stage 1 logs global, stage 2 adds prototype_l1. */
    static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int step = 1; step <= 6; step++) {
            Map<String, Object> r = new LinkedHashMap<>();
            int stage = step <= 3 ? 1 : 2;
            r.put("step", (double) step);
            r.put("stage", (double) stage);
            r.put("stage_name", stage == 1 ? "align" : "prototype");
            r.put("stage_step", (double) (stage == 1 ? step : step - 3));
            r.put("lr", 1e-3);
            r.put("images_per_s", 10.0);
            r.put("global", 3.0 - step * 0.1);
            if (stage == 2) {
                r.put("prototype_l1", 0.5);
            }
            r.put("total", 1.0);
            rows.add(r);
        }
        return rows;
    }

    @Test
    void lossTermsAreTheNumericColumnsBeyondTheBookkeeping() {
        assertEquals(List.of("global", "total", "prototype_l1"), Charts.lossTerms(rows()));
    }

    @Test
    void lossCurvesOverTheRunAndPerStage() {
        XYChart all = Charts.lossCurves(rows());
        assertEquals(List.of("global", "prototype_l1"), all.getSeriesCollection().stream().map(x -> x.getName()).toList());
        assertEquals(6, all.getSeries("global").getXData().length);
        XYChart second = Charts.lossCurves(rows(), 2);
        assertArrayEquals(new double[] {1, 2, 3}, second.getSeries("prototype_l1").getXData(), 0);
        assertEquals(2, Charts.lossCurvesByStage(rows(), "global").size());
        assertThrows(IllegalArgumentException.class, () -> Charts.lossCurves(rows(), 3));
    }

    @Test
    void heatmapPutsRowZeroOnTop() {
        HeatMapChart chart = Charts.heatmap("m", new double[][] {{1, 2}, {3, 4}}, List.of("a", "b"), null, true);
        var series = chart.getHeatMapSeries();
        assertEquals(List.of("b", "a"), series.getYData()); // XChart counts y upwards
        Number[] first = series.getHeatData().get(0);
        assertEquals(1, first[1].intValue()); // row 0 -> top y index
        assertEquals(1.0, first[2].doubleValue());
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("m", new double[][] {{1}}, List.of("a", "b"), null, false));
    }

    @Test
    void heatmapKeepsEveryLabelAndTiltsLongOnes() {
        List<String> names = List.of("Atelectasis", "Cardiomegaly", "Consolidation", "Edema", "Pleural Effusion");
        HeatMapChart chart = Charts.confusion("c", new long[5][5], names);
        // XChart hides a category label closer than the hint to its neighbour; cells are 56 px apart.
        assertTrue(chart.getStyler().getXAxisTickMarkSpacingHint() < 56);
        assertTrue(chart.getStyler().getYAxisTickMarkSpacingHint() < 40);
        assertEquals(45, chart.getStyler().getXAxisLabelRotation());
        assertEquals(0, Charts.heatmap("m", new double[][] {{1, 2}}, null, List.of("neg", "pos"), true)
                .getStyler().getXAxisLabelRotation());
    }

    @Test
    void scatterHasOneSeriesPerClass() {
        XYChart chart = Charts.scatter("e", new double[][] {{0, 0}, {1, 1}, {2, 2}}, List.of("x", "y", "x"));
        assertEquals(2, chart.getSeriesCollection().size());
        assertArrayEquals(new double[] {0, 2}, chart.getSeries("x").getXData(), 0);
    }

    @Test
    void globalAlignmentIsTheTrailingMeanOverLnBWithAChanceLine() {
        XYChart chart = Charts.globalAlignment(Map.of("run", rows()), 16, 2);
        double ln16 = Math.log(16);
        double[] y = chart.getSeries("run").getYData();
        assertEquals(2.9 / ln16, y[0], 1e-12);                     // first step: nothing to average with
        assertEquals((2.9 + 2.8) / 2 / ln16, y[1], 1e-12);
        assertEquals((2.5 + 2.4) / 2 / ln16, y[5], 1e-12);         // only the last two steps
        assertArrayEquals(new double[] {1, 1}, chart.getSeries("chance (ln B)").getYData(), 0);
        assertArrayEquals(new double[] {1, 6}, chart.getSeries("chance (ln B)").getXData(), 0);
        assertThrows(IllegalArgumentException.class, () -> Charts.globalAlignment(Map.of("run", rows()), 1, 2));
    }

    @Test
    void savePngRowPutsThePanelsSideBySide(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("row.png");
        Charts.savePngRow(Charts.lossCurvesByStage(rows()), file);
        java.awt.image.BufferedImage row = javax.imageio.ImageIO.read(file.toFile());
        XYChart one = Charts.lossCurves(rows(), 1);
        assertEquals(2 * one.getWidth(), row.getWidth());
        assertEquals(one.getHeight(), row.getHeight());
        assertThrows(IllegalArgumentException.class, () -> Charts.savePngRow(List.of(), file));
    }

    @Test
    void savePngWritesAPng(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/roc.png");
        Charts.savePng(Charts.roc("roc", new double[] {0, 0.5, 1}, new double[] {0, 0.8, 1}, 0.9), file);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        Charts.savePng(Charts.confusion("c", new long[][] {{3, 1}, {0, 4}}, List.of("neg", "pos")), dir.resolve("c.png"));
        Charts.savePng(Charts.bars("b", "k", "count", List.of("0", "1"), new double[] {2, 5}), dir.resolve("b.png"));
        assertTrue(Files.size(dir.resolve("c.png")) > 100);
    }

    /**
     * ROC points of n cases lie on a k/n grid, and XChart puts a tick on every point of an equally spaced
     * axis (roc.png had 18 y labels of 15 decimals): the chance diagonal must break the spacing.
     */
    @Test
    void rocAxesAreNotEquallySpacedSoTicksStayRound() {
        int n = 18;
        double[] grid = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            grid[i] = i / (double) n;
        }
        for (XYChart chart : List.of(Charts.roc("r", grid, grid, 0.5),
                Charts.rocCurves("r", java.util.Map.of("m", new double[][] {grid, grid})))) {
            java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
            chart.getSeriesCollection().forEach(series -> {
                for (double x : series.getXData()) {
                    xs.add(x);
                }
            });
            Double[] v = xs.toArray(new Double[0]);
            boolean equallySpaced = true;
            for (int i = 2; i < v.length; i++) {
                equallySpaced &= Math.abs((v[i] - v[i - 1]) - (v[1] - v[0])) < 1e-9;
            }
            assertFalse(equallySpaced, "x values " + xs);
        }
    }
}
