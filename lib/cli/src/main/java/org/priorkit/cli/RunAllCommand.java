package org.priorkit.cli;

import org.priorkit.config.PriorConfig;
import org.priorkit.data.split.DataFraction;
import org.priorkit.runall.RunAll;
import org.priorkit.runall.RunAllConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kit run-all}: the main job, from synthetic data to the ablation ladder's report. */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = {"The main job: synthetic data, pretraining, every task for every rung, and the report.",
                "Generates the synthetic set, pretrains PRIOR (and a global-only run), runs all five downstream",
                "tasks for every rung of the ablation ladder, and writes results.md/csv, plots/ and index.html."})
final class RunAllCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/synthetic", description = "data root (default: ${DEFAULT-VALUE}; generated when missing)")
    Path data;

    @Option(names = "--out", defaultValue = "runs/run-all", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--preset", defaultValue = "tiny", description = "tiny, notebook (tiny with a 3-minute schedule) or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--epochs", description = "epochs of every pretraining stage (default: the preset's)")
    Integer epochs;

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "downstream seeds, e.g. 1,2,3 (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--pretrain-seeds", split = ",", description = {"pretraining seeds, e.g. 42,43,44: one PRIOR and one "
            + "global-only run per seed, every rung evaluated on each,", "tables as mean ± std over them (default: the preset's seed, 42)"})
    List<Long> pretrainSeeds;

    @Option(names = "--fractions", split = ",", defaultValue = "1%,10%,100%", description = "label fractions (default: 1%%,10%%,100%%)")
    List<String> fractions;

    @Option(names = "--task-steps", defaultValue = "120", description = "training steps of the segmentation/detection heads (default: ${DEFAULT-VALUE})")
    int taskSteps;

    @Option(names = "--lanes", defaultValue = "2", description = {"2: the global-only and random-init rungs run in a second JVM beside the",
            "PRIOR run, each with one PyTorch thread unless OMP_NUM_THREADS says otherwise (CPU only; about a third faster on 2 cores); 1: all in this JVM (default: ${DEFAULT-VALUE})"})
    int lanes;

    @Option(names = "--smoke", description = "tiny data and a few steps everywhere: checks the pipeline in a couple of minutes")
    boolean smoke;

    @Option(names = "--plotly-js", description = "plotly.min.js for the interactive chart (default: $PRIOR_PLOTLY_JS or lib/target/plotly/plotly.min.js)")
    Path plotlyJs;

    @Mixin DeviceOption device;

    @Override
    public Integer call() throws Exception {
        List<Long> runs = pretrainSeeds != null ? pretrainSeeds : List.of(PriorConfig.preset(preset).seed());
        RunAllConfig config = smoke ? RunAllConfig.smoke(data, out).withLanes(lanes).withPretrainSeeds(runs)
                : new RunAllConfig(data, out, preset, epochs, 0, fractions.stream().map(DataFraction::parse).toList(),
                        seeds, runs, taskSteps, false, device.device, lanes);
        RunAll.Outcome outcome = RunAll.run(config, plotly(), System.out);
        System.out.println("report: " + outcome.page().toAbsolutePath());
        return 0;
    }

    private Path plotly() {
        if (plotlyJs != null) {
            return plotlyJs;
        }
        String env = System.getenv("PRIOR_PLOTLY_JS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path built = Path.of(System.getProperty("prior.lib", "lib"), "target", "plotly", "plotly.min.js");
        return Files.exists(built) ? built : null;
    }
}
