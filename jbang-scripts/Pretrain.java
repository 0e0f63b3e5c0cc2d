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

import org.priorkit.config.PriorConfig;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.device.Devices;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.StageTrainer;
import org.priorkit.pretrain.TrainOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * PRIOR's three-stage pretraining (align, prototype, reconstruct) on a MIMIC-CXR-JPG-style tree.
 * Kill it at any time and run it again with the same --run-dir: it resumes from the last checkpoint.
 */
@Command(name = "Pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain PRIOR on the synthetic set (or real MIMIC-CXR-JPG with --data).")
public class Pretrain implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/synthetic", description = "data root, generated if missing (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--run-dir", defaultValue = "runs/pretrain", description = "checkpoints and metrics (default: ${DEFAULT-VALUE})")
    Path runDir;

    @Option(names = "--preset", defaultValue = "tiny", description = "tiny, notebook (tiny with a 3-minute schedule) or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--epochs", description = "epochs of every stage (default: the preset's)")
    Integer epochs;

    @Option(names = "--max-steps", defaultValue = "0", description = "stop each stage after N steps (0 = no limit)")
    long maxSteps;

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--smoke", description = "a tiny data set and a few steps per stage (a quick check)")
    boolean smoke;

    public static void main(String... args) {
        System.exit(new CommandLine(new Pretrain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PriorConfig config = PriorConfig.preset(preset);
        if (smoke) {
            config = PretrainJob.withEpochs(config, 1).withBatchSize(4);
            maxSteps = 2;
        } else if (epochs != null) {
            config = PretrainJob.withEpochs(config, epochs);
        }
        if (!Files.exists(data)) {
            System.out.println(SyntheticGenerator.generate(smoke ? SyntheticConfig.tiny() : SyntheticConfig.defaults(), data));
        }
        TrainOptions options = TrainOptions.defaults(runDir).withMaxStepsPerStage(maxSteps);
        PretrainJob.Outcome out = new PretrainJob(data, runDir, config, null, 0).run(Devices.resolve(device), options);
        for (StageTrainer.StageResult s : out.result().stages()) {
            System.out.printf("stage %-12s %5d steps %7.1f s %6.1f images/s -> %s%n",
                    s.name(), s.steps(), s.seconds(), s.imagesPerSecond(), s.checkpoint());
        }
        return 0;
    }
}
