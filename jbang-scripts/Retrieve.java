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

import org.priorkit.device.Devices;
import org.priorkit.tasks.retrieval.ImageTextRetrieval;
import org.priorkit.tasks.retrieval.RetrievalConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/** Image-to-text retrieval: each 5x200 image ranks single-label MIMIC reports; Precision@1/5/10. */
@Command(name = "Retrieve", mixinStandardHelpOptions = true,
        description = "Image-to-text (and text-to-image) retrieval with Precision@K and top-k examples.")
public class Retrieve implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/synthetic", description = "data root (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--run-dir", description = "a pretraining run folder or .ckpt file (omit: a random-init encoder)")
    Path runDir;

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--smoke", description = "the fewest steps that exercise the task (a quick check)")
    boolean smoke;

    public static void main(String... args) {
        System.exit(new CommandLine(new Retrieve()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Devices.use(Devices.resolve(device));
        RetrievalConfig config = smoke // a tiny set has few test reports: pool every split
                ? RetrievalConfig.defaults().withSplits(Set.of("train", "validate", "test"))
                : RetrievalConfig.defaults();
        System.out.print(ImageTextRetrieval.run(data, runDir, config).summary());
        return 0;
    }
}
