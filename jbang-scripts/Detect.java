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
import org.priorkit.device.Devices;
import org.priorkit.tasks.dense.EncoderMode;
import org.priorkit.tasks.detection.Detection;
import org.priorkit.tasks.detection.DetectionConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Pneumonia detection with a CenterNet-style head: RSNA mAP over IoU 0.40-0.75, and mAP@0.5. */
@Command(name = "Detect", mixinStandardHelpOptions = true,
        description = "RSNA pneumonia detection, frozen or fine-tuned encoder, at 1/10/100%% labels.")
public class Detect implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/synthetic", description = "data root (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--run-dir", description = "a pretraining run folder or .ckpt file (omit: a random-init encoder)")
    Path runDir;

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--smoke", description = "the fewest steps that exercise the task (a quick check)")
    boolean smoke;

    @Option(names = "--mode", defaultValue = "frozen", description = "frozen or fine-tune (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--fraction", defaultValue = "100%", description = "share of training labels (default: 100%%)")
    String fraction;

    public static void main(String... args) {
        System.exit(new CommandLine(new Detect()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Devices.use(Devices.resolve(device));
        DetectionConfig config = DetectionConfig.defaults().withMode(EncoderMode.parse(mode))
                .withFraction(DataFraction.parse(fraction));
        if (smoke) {
            config = config.withSteps(2, 4);
        }
        System.out.print(Detection.run(data, runDir, config).summary());
        return 0;
    }
}
