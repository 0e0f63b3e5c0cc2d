package org.priorkit.runall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.report.ResultRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second lane's results cross a process boundary as JSON: rows, ROC curves and times survive it. */
class LaneResultTest {

    @Test
    void writeThenReadKeepsEveryNumberIncludingNaN(@TempDir Path dir) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("pretrain global only", 147.9);
        seconds.put("tasks random init", 115.6);
        LaneResult r = new LaneResult(seconds, List.of(
                new LaneResult.RungSummary(Rung.RANDOM, List.of(
                        new ResultRow("random init", "CheXpert linear probe", "macro AUROC", 1, 42, 1, 0.484),
                        new ResultRow("random init", "RSNA linear probe", "AUROC", 100, 42, 1, Double.NaN)),
                        new LaneResult.RocCurve("Cardiomegaly", 0.66, new double[] {0, 0.5, 1}, new double[] {0, 0.75, 1})),
                new LaneResult.RungSummary(Rung.GLOBAL, List.of(), null)));
        Path file = dir.resolve(SecondLane.RESULT);
        SecondLane.write(r, file);
        LaneResult back = SecondLane.read(file);
        assertEquals(r.seconds(), back.seconds());
        assertEquals(Rung.RANDOM, back.rungs().get(0).rung());
        assertEquals(r.rungs().get(0).rows().get(0), back.rungs().get(0).rows().get(0));
        assertTrue(Double.isNaN(back.rungs().get(0).rows().get(1).value()));
        assertEquals("Cardiomegaly", back.rungs().get(0).roc().className());
        assertArrayEquals(new double[] {0, 0.75, 1}, back.rungs().get(0).roc().tpr());
        assertNull(back.rungs().get(1).roc());
        assertTrue(Files.notExists(dir.resolve(SecondLane.RESULT + ".tmp")), "written through a temporary file");
    }

    @Test
    void somethingElseIsRejectedWithItsName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("lane-2.json"), "{\"hello\": 1}");
        assertTrue(assertThrows(IOException.class, () -> SecondLane.read(file)).getMessage().contains(file.toString()));
    }
}
