///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.priorkit:prior:0.1.0-SNAPSHOT
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-simple:2.0.17
// libtorch for the CPU of Linux x86_64; elsewhere add -Dprior.classifier=osx-aarch64, win-x86_64 or
// linux-aarch64 (README, "Machines"). For a GPU (see README, "GPU"), run with
//   -Dprior.djl=0.33.0 -Dprior.native=pytorch-native-cu124 -Dprior.native.version=2.5.1 -Dprior.jni=2.5.1-0.33.0
//DEPS ai.djl:bom:${prior.djl:0.36.0}@pom
//DEPS ai.djl.pytorch:${prior.native:pytorch-native-cpu}:${prior.native.version:2.7.1}:${prior.classifier:linux-x86_64}
//DEPS ai.djl.pytorch:pytorch-jni:${prior.jni:2.7.1-0.36.0}
//JAVA_OPTIONS -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.log.ai.djl=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error

import org.priorkit.data.split.DataFraction;
import org.priorkit.runall.RunAllConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The whole kit in one command: synthetic data, PRIOR pretraining, all five downstream tasks for
 * every rung of the ablation ladder, and an offline HTML report (out/index.html).
 */
@Command(name = "RunAll", mixinStandardHelpOptions = true,
        description = "Data -> pretraining -> five tasks x ablation ladder -> results table, plots, HTML report.")
public class RunAll implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/synthetic", description = "data root, generated if missing (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = {"--out", "--run-dir"}, defaultValue = "runs/run-all", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "downstream seeds (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--plotly-js", description = "a local plotly.min.js for the interactive chart (npm: plotly.js-dist-min 2.x)")
    Path plotlyJs;

    @Option(names = "--lanes", defaultValue = "2", description = "2: global-only and random-init rungs in a second JVM beside the PRIOR run (CPU); 1: one JVM (default: ${DEFAULT-VALUE})")
    int lanes;

    @Option(names = "--smoke", description = "tiny data and a few steps everywhere (a quick check of the pipeline)")
    boolean smoke;

    public static void main(String... args) {
        System.exit(new CommandLine(new RunAll()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RunAllConfig config = smoke
                ? RunAllConfig.smoke(data, out.resolve("run-all")).withDevice(device).withLanes(lanes)
                : RunAllConfig.defaults().withData(data).withOut(out).withSeeds(seeds).withDevice(device).withLanes(lanes);
        System.out.println("report: " + org.priorkit.runall.RunAll.run(config, plotlyJs, System.out).page().toAbsolutePath());
        return 0;
    }
}
