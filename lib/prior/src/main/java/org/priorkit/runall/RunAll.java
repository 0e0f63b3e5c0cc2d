package org.priorkit.runall;

import ai.djl.Device;
import org.priorkit.data.split.DataFraction;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.device.Devices;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.report.HtmlReport;
import org.priorkit.report.ResultRow;
import org.priorkit.report.ResultsTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main job: synthetic data -> PRIOR pretraining (and a global-only run) -> all five downstream
 * tasks for every rung of the ablation ladder -> results table, plots and an offline HTML page.
 *
 * <p>This class only orders the phases: {@link Ladder} knows the pretraining runs and each rung's
 * checkpoint, {@link Lanes} what each lane runs, {@link RungTasks} the tasks of one rung, and
 * {@link ReportFigures} the plots. Re-running resumes the pretraining runs and redoes the (cheaper)
 * downstream tasks.
 */
public final class RunAll {

    /** What a run leaves: the table, the page, and the wall time of each phase. */
    public record Outcome(ResultsTable results, Path page, Map<String, Double> seconds) {}

    /** Both lanes' results, the wall times of their phases, and the PRIOR rung's outcome (for the figures). */
    private record Ladders(List<LaneResult.RungSummary> rungs, Map<String, Double> seconds, RungTasks.Outcome prior) {}

    private RunAll() {}

    public static Outcome run(RunAllConfig c, Path plotlyJs, PrintStream log) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Consumer<String> phase = name -> log.printf(Locale.ROOT, "[run-all %6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, name);
        List<Device> devices = Devices.resolveAll(c.device()); // several GPUs split pretraining batches
        Devices.use(devices.get(0)); // the tasks open their managers on it

        long t = System.nanoTime();
        if (SyntheticGenerator.needsGenerating(c.data())) { // none yet, a killed generation, or an older generator's
            phase.accept((SyntheticGenerator.isOutdated(c.data()) ? "the synthetic set at " + c.data()
                    + " is from an older version of the kit: generating it again" : "generating the synthetic set at " + c.data()));
            log.println(SyntheticGenerator.generate(c.smoke() ? SyntheticConfig.tiny() : SyntheticConfig.defaults(), c.data(), phase));
        }
        seconds.put("data", Lanes.since(t));

        // 2-3. Pretraining and the tasks of every rung, once per pretraining seed.
        List<ResultRow> rows = new ArrayList<>();
        Ladders first = null;
        for (long seed : c.pretrainSeeds()) {
            RunAllConfig one = c.forPretrainSeed(seed);
            if (c.pretrainSeeds().size() > 1) {
                phase.accept("pretraining seed " + seed + " (" + (c.pretrainSeeds().indexOf(seed) + 1) + " of "
                        + c.pretrainSeeds().size() + "), runs in " + one.out());
            }
            Ladders ladders = lanes(one, devices, phase);
            String tag = c.pretrainSeeds().size() > 1 ? " (seed " + seed + ")" : "";
            ladders.seconds().forEach((k, v) -> seconds.put(k + tag, v));
            ladders.rungs().forEach(r -> rows.addAll(r.rows()));
            first = first == null ? ladders : first;
        }

        t = System.nanoTime();
        phase.accept("writing the report to " + c.out());
        ResultsTable table = new ResultsTable(rows);
        RunAllConfig shown = c.forPretrainSeed(c.pretrainSeeds().get(0)); // the figures draw the first run
        Ladder ladder = Ladder.of(shown);
        List<HtmlReport.Plot> figures = ReportFigures.write(shown, ladder, first.rungs(), first.prior(),
                c.out().resolve("plots"));
        Path page = HtmlReport.write(c.out(), "PRIOR kit: run-all on " + c.data(),
                "Pretraining on the MIMIC-CXR-style pairs, then every downstream task for every rung of the ablation "
                        + "ladder. Supervised tasks at " + c.fractions().stream().map(DataFraction::label).toList()
                        + " of the training labels, downstream seeds " + c.seeds() + ", pretraining seeds "
                        + c.pretrainSeeds() + ". Preset " + c.preset() + ".",
                table, figures, ladder.fullRun().resolve(RunFolder.METRICS), plotlyJs);
        seconds.put("report", Lanes.since(t));
        seconds.put("total", Lanes.since(t0));
        log.println(table.toMarkdown());
        seconds.forEach((k, v) -> log.printf(Locale.ROOT, "  %-28s %7.1f s%n", k, v));
        List<String> laneLogs = c.pretrainSeeds().stream().map(s -> c.forPretrainSeed(s).out().resolve(SecondLane.LOG))
                .filter(Files::exists).map(Path::toString).toList();
        log.println("logs: lane 1 is the output above" + (laneLogs.isEmpty() ? ""
                : "; lane 2 (global-only pretraining, rungs " + SecondLane.RUNGS.stream().map(Rung::label).toList()
                + ") in full: " + String.join(", ", laneLogs)));
        return new Outcome(table, page, seconds);
    }

    /**
     * Pretraining and the downstream tasks, in two lanes. The random-init and global-only rungs do
     * not need the PRIOR run, so with two lanes a child JVM runs them (and the global-only
     * pretraining) while this JVM pretrains PRIOR; the child then also takes the "+ local alignment"
     * rung (PRIOR's stage-1 checkpoint, long written by then), which evens out the two lanes' work,
     * and this JVM runs the last two rungs. See SecondLane for why processes.
     */
    private static Ladders lanes(RunAllConfig c, List<Device> devices, Consumer<String> phase) throws IOException {
        String oneLane = SecondLane.whyNot(c, devices);
        List<Rung> firstLaneRungs = Arrays.stream(Rung.values())
                .filter(r -> !SecondLane.RUNGS.contains(r)).toList(); // + prototypes, PRIOR
        Map<String, Double> seconds = new LinkedHashMap<>();
        Lanes.FirstLane first;
        LaneResult second;
        if (oneLane == null) {
            phase.accept("second lane: global-only pretraining, then the rungs "
                    + SecondLane.RUNGS.stream().map(Rung::label).toList() + " in a child JVM (log: "
                    + c.out().resolve(SecondLane.LOG) + ")");
            SecondLane child = SecondLane.start(c, phase);
            try {
                first = SecondLane.withThreads(SecondLane.threadsPerLane(),
                        () -> Lanes.first(c, devices, phase, firstLaneRungs));
                long t = System.nanoTime();
                phase.accept("waiting for the second lane");
                second = child.await();
                seconds.put("wait for lane 2", Lanes.since(t));
            } finally {
                child.stop();
            }
        } else {
            phase.accept("one lane: " + oneLane);
            first = Lanes.first(c, devices, phase, firstLaneRungs); // first: it writes the + local checkpoint
            second = Lanes.second(c, devices, phase, SecondLane.RUNGS);
        }
        Map<String, Double> all = new LinkedHashMap<>(first.lane().seconds());
        all.putAll(second.seconds()); // with two lanes these ran at the same time as the PRIOR phases
        all.putAll(seconds);
        List<LaneResult.RungSummary> rungs = new ArrayList<>(first.lane().rungs());
        rungs.addAll(second.rungs());
        rungs.sort(Comparator.comparing(LaneResult.RungSummary::rung)); // the ladder's order
        return new Ladders(rungs, all, first.prior());
    }
}
