package org.priorkit.kernel.display;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.QuickChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MimeBundlesTest {

    private static BufferedImage decodePng(Map<String, Object> bundle) throws IOException {
        byte[] png = Base64.getDecoder().decode((String) bundle.get(MimeBundles.PNG));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void bufferedImageBecomesPngOfTheSameSize() throws IOException {
        Map<String, Object> bundle = MimeBundles.of(new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB));
        assertEquals(Set.of(MimeBundles.PNG, MimeBundles.PLAIN), bundle.keySet());
        BufferedImage back = decodePng(bundle);
        assertEquals(7, back.getWidth());
        assertEquals(3, back.getHeight());
    }

    @Test
    void xchartChartBecomesPngAtItsSize() throws IOException {
        XYChart chart = QuickChart.getChart("t", "x", "y", "y", new double[] {1, 2, 3}, new double[] {1, 4, 9});
        chart.getStyler().setAntiAlias(false);
        Map<String, Object> bundle = MimeBundles.of(chart);
        BufferedImage image = decodePng(bundle);
        assertEquals(chart.getWidth(), image.getWidth());
        assertEquals(chart.getHeight(), image.getHeight());
        assertEquals("XYChart 600x400", bundle.get(MimeBundles.PLAIN));
    }

    @Test
    void tablesawTableBecomesEscapedHtmlAndText() {
        Table table = Table.create("scores",
                StringColumn.create("name", "<b>", "x&y"), IntColumn.create("n", 1, 2));
        Map<String, Object> bundle = MimeBundles.of(table);
        String html = (String) bundle.get(MimeBundles.HTML);
        assertTrue(html.contains("<caption>scores</caption>"), html);
        assertTrue(html.contains("<th>name</th><th>n</th>"), html);
        assertTrue(html.contains("<td>&lt;b&gt;</td><td>1</td>"), html);
        assertTrue(html.contains("<td>x&amp;y</td><td>2</td>"), html);
        assertTrue(html.contains("2 rows &times; 2 columns"), html);
        assertEquals(table.toString(), bundle.get(MimeBundles.PLAIN));
    }

    @Test
    void longTablesShowTheFirstRowsAndSayHowManyMore() {
        int[] values = new int[MimeBundles.MAX_HTML_ROWS + 5];
        Table table = Table.create("long", IntColumn.create("i", values));
        String html = (String) MimeBundles.of(table).get(MimeBundles.HTML);
        assertEquals(MimeBundles.MAX_HTML_ROWS, html.split("<tr><td>", -1).length - 1);
        assertTrue(html.contains("... 5 more rows"), html);
    }

    @Test
    void arraysNullAndOtherValuesAreText() {
        assertEquals(Map.of(MimeBundles.PLAIN, "[1, 2, 3]"), MimeBundles.of(new int[] {1, 2, 3}));
        assertEquals(Map.of(MimeBundles.PLAIN, "[[1.0], [2.0]]"), MimeBundles.of(new double[][] {{1}, {2}}));
        assertEquals(Map.of(MimeBundles.PLAIN, "null"), MimeBundles.of(null));
        assertEquals(Map.of(MimeBundles.PLAIN, "42"), MimeBundles.of(42));
    }
}
