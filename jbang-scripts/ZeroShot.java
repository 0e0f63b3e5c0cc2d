///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.priorkit:prior:0.1.0-SNAPSHOT
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-simple:2.0.17
// libtorch for the CPU. For a GPU (see README, "GPU"), run with
//   -Dprior.djl=0.33.0 -Dprior.native=pytorch-native-cu124 -Dprior.native.version=2.5.1 -Dprior.jni=2.5.1-0.33.0
//DEPS ai.djl:bom:${prior.djl:0.36.0}@pom
//DEPS ai.djl.pytorch:${prior.native:pytorch-native-cpu}:${prior.native.version:2.7.1}:linux-x86_64
//DEPS ai.djl.pytorch:pytorch-jni:${prior.jni:2.7.1-0.36.0}
//JAVA_OPTIONS -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.log.ai.djl=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error

import org.priorkit.device.Devices;
import org.priorkit.tasks.zeroshot.Prompts;
import org.priorkit.tasks.zeroshot.ZeroShotConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Zero-shot classification of CheXpert 5x200 with PRIOR's score: softmax(global) + 0.5 x softmax(local). */
@Command(name = "ZeroShot", mixinStandardHelpOptions = true,
        description = "Zero-shot 5x200 classification: accuracy, macro P/R/F1, kappa, confusion matrix.")
public class ZeroShot implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data/synthetic", description = "data root (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--run-dir", description = "a pretraining run folder or .ckpt file (omit: a random-init encoder)")
    Path runDir;

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--smoke", description = "the fewest steps that exercise the task (a quick check)")
    boolean smoke;

    @Option(names = "--prompts", defaultValue = "prior", description = "prior (\"<class> is observed\") or gloria (default: ${DEFAULT-VALUE})")
    String prompts;

    public static void main(String... args) {
        System.exit(new CommandLine(new ZeroShot()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Devices.use(Devices.resolve(device));
        ZeroShotConfig config = ZeroShotConfig.defaults()
                .withPrompts(prompts.equals("gloria") ? Prompts.gloriaStyle() : Prompts.prior());
        System.out.print(org.priorkit.tasks.zeroshot.ZeroShot.run(data, runDir, config).summary());
        return 0;
    }
}
