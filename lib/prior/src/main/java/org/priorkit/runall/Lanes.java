package org.priorkit.runall;

import ai.djl.Device;
import org.priorkit.tasks.TaskData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each lane of run-all does: its pretraining run, then the downstream tasks of its rungs.
 * The first lane pretrains PRIOR and runs rungs cut from that run; the second pretrains the
 * global-only rung and runs the rungs that need no PRIOR run (or only its stage-1 checkpoint,
 * which it waits for when it runs in a child JVM: {@link SecondLane}).
 */
final class Lanes {

    /** The first lane's result, and the PRIOR rung's outcome, whose runs the report's figures draw. */
    record FirstLane(LaneResult lane, RungTasks.Outcome prior) {}

    private Lanes() {}

    /** The full three-stage PRIOR run, then the tasks of {@code rungs}, which are its stage checkpoints. */
    static FirstLane first(RunAllConfig c, List<Device> devices, Consumer<String> phase, List<Rung> rungs)
            throws IOException {
        Ladder ladder = Ladder.of(c);
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t = System.nanoTime();
        phase.accept("pretraining PRIOR (" + ladder.preset().stages().size() + " stages) in " + ladder.fullRun());
        ladder.pretrainPrior(c, devices);
        seconds.put("pretrain PRIOR", since(t));
        List<LaneResult.RungSummary> summaries = new ArrayList<>();
        RungTasks.Outcome prior = null;
        TaskData data = new TaskData(c.data());
        for (Rung rung : rungs) {
            t = System.nanoTime();
            phase.accept("downstream tasks for rung '" + rung.label() + "'");
            RungTasks.Outcome outcome = RungTasks.run(rung, ladder.checkpoint(rung), c, data, devices.get(0), phase);
            summaries.add(outcome.summary(rung));
            prior = outcome; // the last rung is PRIOR
            seconds.put("tasks " + rung.label(), since(t));
        }
        return new FirstLane(new LaneResult(seconds, summaries), prior);
    }

    /**
     * Stage 1 with the global loss only (its own run), then the tasks of {@code rungs}
     * ({@link SecondLane#RUNGS}): random init, global only and "+ local alignment", whose checkpoint
     * the first lane writes; in a child JVM this lane waits for it if it is not there yet.
     */
    static LaneResult second(RunAllConfig c, List<Device> devices, Consumer<String> phase, List<Rung> rungs)
            throws IOException {
        Ladder ladder = Ladder.of(c);
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t = System.nanoTime();
        phase.accept("pretraining the global-only rung in " + ladder.globalRun());
        ladder.pretrainGlobalOnly(c, devices);
        seconds.put("pretrain global only", since(t));
        List<LaneResult.RungSummary> summaries = new ArrayList<>();
        TaskData data = new TaskData(c.data());
        for (Rung rung : rungs) {
            Path ckpt = ladder.checkpoint(rung);
            if (ckpt != null && !Files.exists(ckpt)) {
                phase.accept("waiting for " + ckpt + " from the first lane");
                SecondLane.awaitFirstLane(ckpt);
            }
            t = System.nanoTime();
            phase.accept("downstream tasks for rung '" + rung.label() + "'");
            summaries.add(RungTasks.run(rung, ckpt, c, data, devices.get(0), phase).summary(rung));
            seconds.put("tasks " + rung.label(), since(t));
        }
        return new LaneResult(seconds, summaries);
    }

    static double since(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
