package org.priorkit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResultsTableTest {

    private static final List<ResultRow> ROWS = List.of(
            new ResultRow("random init", "CheXpert probe", "macro AUROC", 1, 1, 0.60),
            new ResultRow("random init", "CheXpert probe", "macro AUROC", 1, 2, 0.64),
            new ResultRow("PRIOR", "CheXpert probe", "macro AUROC", 1, 1, 0.80),
            new ResultRow("PRIOR", "CheXpert probe", "macro AUROC", 1, 2, 0.84),
            new ResultRow("PRIOR", "zero-shot", "accuracy", 100, 1, 0.5));

    @Test
    void cellsAreMeanAndSampleStd() {
        ResultsTable t = new ResultsTable(ROWS);
        ResultsTable.Cell c = t.cell("PRIOR", "CheXpert probe: macro AUROC @ 1%");
        assertEquals(0.82, c.mean(), 1e-12);
        assertEquals(Math.sqrt(0.0008), c.std(), 1e-12); // ((0.02^2 + 0.02^2) / 1)
        assertEquals("0.820 ± 0.028", c.format());
        assertEquals("n/a", t.cell("random init", "zero-shot: accuracy").format());
        assertEquals("0.500", t.cell("PRIOR", "zero-shot: accuracy").format());
    }

    @Test
    void wideFormsListRungsDownAndMetricsAcross(@TempDir Path dir) throws Exception {
        ResultsTable t = new ResultsTable(ROWS);
        assertEquals(List.of("random init", "PRIOR"), t.rungs());
        String md = t.toMarkdown();
        assertTrue(md.startsWith("| rung | CheXpert probe: macro AUROC @ 1% | zero-shot: accuracy |"), md);
        assertTrue(md.contains("| PRIOR | 0.820 ± 0.028 | 0.500 |"), md);
        assertTrue(t.toHtml().contains("<b>0.820 ± 0.028</b>"));
        assertEquals(2, t.toWideTable().rowCount());
        t.write(dir);
        assertEquals(6, Files.readAllLines(dir.resolve("results.csv")).size()); // header + 5 rows
        assertTrue(Files.readString(dir.resolve("results.md")).contains("random init"));
    }

    @Test
    void badRowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ResultRow("r", "t", "m", 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResultRow(null, "t", "m", 1, 1, 1));
    }
}
