package org.priorkit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResultsTableTest {

    private static final List<ResultRow> ROWS = List.of(
            new ResultRow("random init", "CheXpert probe", "macro AUROC", 1, 42, 1, 0.60),
            new ResultRow("random init", "CheXpert probe", "macro AUROC", 1, 42, 2, 0.64),
            new ResultRow("PRIOR", "CheXpert probe", "macro AUROC", 1, 42, 1, 0.80),
            new ResultRow("PRIOR", "CheXpert probe", "macro AUROC", 1, 42, 2, 0.84),
            new ResultRow("PRIOR", "CheXpert probe", "macro AUROC", 100, 42, 1, 0.90),
            new ResultRow("PRIOR", "zero-shot", "accuracy", 0, 42, 0, 0.5));

    @Test
    void cellsAreMeanAndSampleStd() {
        ResultsTable t = new ResultsTable(ROWS);
        ResultsTable.Cell c = t.cell("PRIOR", "CheXpert probe: macro AUROC @ 1%");
        assertEquals(0.82, c.mean(), 1e-12);
        assertEquals(Math.sqrt(0.0008), c.std(), 1e-12); // ((0.02^2 + 0.02^2) / 1)
        assertEquals("0.820 ± 0.028", c.format());
        assertEquals("n/a", t.cell("random init", "zero-shot: accuracy").format());
        assertEquals("CheXpert probe: macro AUROC @ 1%", ROWS.get(0).column());
        assertEquals("zero-shot: accuracy", ROWS.get(5).column(), "label-free tasks have no fraction");
        assertEquals("0.500", t.cell("PRIOR", "zero-shot: accuracy").format());
    }

    @Test
    void oneTablePerFractionThenTheLabelFreeTasks(@TempDir Path dir) throws Exception {
        ResultsTable t = new ResultsTable(ROWS);
        assertEquals(List.of("random init", "PRIOR"), t.rungs());
        assertEquals(List.of(1.0, 100.0, 0.0), t.fractions());
        String md = t.toMarkdown();
        assertTrue(md.startsWith("**1% of the training labels**\n\n| rung | CheXpert probe: macro AUROC |\n"), md);
        assertTrue(md.contains("| PRIOR | 0.820 ± 0.028 |"), md);
        assertTrue(md.contains("**100% of the training labels**\n\n| rung | CheXpert probe: macro AUROC |\n|---|---|\n"
                + "| random init | n/a |\n| PRIOR | 0.900 |"), md);
        assertTrue(md.contains("**No training labels**\n\n| rung | zero-shot: accuracy |"), md);
        assertTrue(md.indexOf("1% of") < md.indexOf("100% of") && md.indexOf("100% of") < md.indexOf("No training"));
        String html = t.toHtml();
        assertTrue(html.contains("<h3>1% of the training labels</h3>") && html.contains("<b>0.820 ± 0.028</b>"), html);
        assertEquals(2, t.toWideTable().rowCount());
        t.write(dir);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(7, csv.size()); // header + 6 rows
        assertEquals("rung,task,metric,fraction,pretrain_seed,seed,value", csv.get(0));
        assertTrue(Files.readString(dir.resolve("results.md")).contains("random init"));
    }

    @Test
    void severalPretrainingRunsAreAveragedAndShownOneByOne() {
        List<ResultRow> rows = List.of(
                new ResultRow("PRIOR", "RSNA probe", "AUROC", 1, 42, 1, 0.80),
                new ResultRow("PRIOR", "RSNA probe", "AUROC", 1, 43, 1, 0.70),
                new ResultRow("PRIOR", "zero-shot", "accuracy", 0, 42, 0, 0.60),
                new ResultRow("PRIOR", "zero-shot", "accuracy", 0, 43, 0, 0.50));
        ResultsTable t = new ResultsTable(rows);
        assertEquals(List.of(42L, 43L), t.pretrainSeeds());
        assertEquals(0.75, t.cell("PRIOR", "RSNA probe: AUROC @ 1%").mean(), 1e-12);
        assertEquals(0.70, t.cell("PRIOR", "RSNA probe: AUROC @ 1%", 43).mean(), 1e-12);
        String md = t.toMarkdown();
        assertTrue(md.startsWith("Mean ± std over 2 pretraining runs (seeds 42, 43)"), md);
        assertTrue(md.contains("| PRIOR | RSNA probe: AUROC @ 1% | 0.800 | 0.700 |"), md);
        assertTrue(md.contains("| PRIOR | zero-shot: accuracy | 0.600 | 0.500 |"), md);
    }

    @Test
    void badRowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ResultRow("r", "t", "m", -1, 42, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResultRow("r", "t", "m", 101, 42, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResultRow(null, "t", "m", 1, 42, 1, 1));
    }
}
