package org.priorkit.runall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * run-all in two lanes (a smoke run: the pipeline, not the method): the child JVM's rungs reach the
 * table in the ladder's order next to this JVM's, and a failing child is reported with its log.
 */
class RunAllTwoLanesTest {

    @Test
    void bothLanesFillTheLadder(@TempDir Path dir) throws IOException {
        RunAllConfig c = RunAllConfig.smoke(dir.resolve("data"), dir.resolve("out"));
        assertEquals(2, c.lanes());
        assertNull(SecondLane.whyNot(c, List.of(ai.djl.Device.cpu())), "Maven's test JVM can start the second lane");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunAll.Outcome o = RunAll.run(c, null, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertEquals(Arrays.stream(Rung.values()).map(Rung::label).toList(), o.results().rungs());
        for (Rung rung : Rung.values()) { // every task of every rung has its number, from whichever lane
            assertEquals(o.results().columns().size(), o.results().columns().stream()
                    .filter(col -> o.results().cell(rung.label(), col) != null).count(), rung.label());
        }
        LaneResult child = SecondLane.read(c.out().resolve(SecondLane.RESULT));
        assertEquals(List.of(Rung.RANDOM, Rung.GLOBAL, Rung.LOCAL), SecondLane.RUNGS);
        assertEquals(SecondLane.RUNGS, child.rungs().stream().map(LaneResult.RungSummary::rung).toList());
        assertTrue(o.seconds().containsKey("tasks + local alignment") && o.seconds().containsKey("tasks PRIOR"));
        assertTrue(o.seconds().containsKey("pretrain global only") && o.seconds().containsKey("wait for lane 2"));
        assertTrue(Files.readString(c.out().resolve(SecondLane.LOG)).contains("[lane 2"), "the child logs to lane-2.log");
        assertTrue(Files.exists(c.out().resolve("pretrain-global-only").resolve("stage-1-align.ckpt")));
        assertTrue(Files.size(c.out().resolve("plots").resolve("roc.png")) > 0, "ROC curves of both lanes' rungs");
        String console = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("second lane"), console);
        // Both lanes' progress reaches the console: each task of each rung as it ends, lane 2's through the parent.
        assertTrue(console.contains("] lane 2: downstream tasks for rung 'random init'"), console);
        assertTrue(console.contains("] lane 2:   random init: CheXpert probe at 100%: AUROC "), console);
        assertTrue(console.contains("]   PRIOR: segmentation at 100%: Dice "), console);
        assertTrue(console.contains("]   PRIOR: retrieval: P@1 "), console);
        assertTrue(console.lines().anyMatch(l -> l.contains("logs: ") && l.contains(SecondLane.LOG)),
                "the last lines say where each lane's log is: " + console);

        // Repeatable, and one job per pretraining seed: the same command with a second pretraining seed
        // gives exactly the first seed's rows again (same bytes in results.csv) and a full ladder for seed 43.
        RunAllConfig twice = c.withOut(dir.resolve("out-2")).withPretrainSeeds(List.of(42L, 43L));
        RunAll.Outcome o2 = RunAll.run(twice, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> first = Files.readAllLines(c.out().resolve("results.csv"));
        List<String> again = Files.readAllLines(twice.out().resolve("results.csv")).stream()
                .filter(line -> !line.contains(",43,")).toList();
        assertEquals(first, again, "the same run twice gives the same numbers");
        assertEquals(List.of(42L, 43L), o2.results().pretrainSeeds());
        assertEquals(o.results().rows().size() * 2, o2.results().rows().size());
        assertTrue(Files.exists(twice.out().resolve("pretrain-seed-43/pretrain-prior/stage-3-reconstruct.ckpt")));
        assertTrue(Files.readString(twice.out().resolve("results.md")).contains("**Each pretraining run**"));
    }

    @Test
    void theSecondLaneWaitsForTheFirstLanesCheckpointOnlyWhileThatLaneLives(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("stage-1-align.ckpt");
        IOException gone = assertThrows(IOException.class, () -> SecondLane.awaitFirstLane(ckpt, () -> false));
        assertTrue(gone.getMessage().contains(ckpt.toString()) && gone.getMessage().contains("gone"), gone.getMessage());
        int[] checks = {0};
        SecondLane.awaitFirstLane(Files.writeString(ckpt, "x"), () -> { checks[0]++; return true; });
        assertEquals(0, checks[0], "an existing checkpoint is used at once");
    }

    @Test
    void aFailedChildIsAnErrorQuotingItsLog(@TempDir Path dir) throws IOException {
        // No data folder: the child's pretraining fails at once.
        RunAllConfig c = RunAllConfig.smoke(dir.resolve("missing"), dir.resolve("out"));
        SecondLane child = SecondLane.start(c, line -> { });
        IOException e = assertThrows(IOException.class, child::await);
        assertTrue(e.getMessage().contains("second lane") && e.getMessage().contains(SecondLane.LOG), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), "the child's own error is quoted: " + e.getMessage());
    }
}
