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

import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.chexpert.FiveBy200Entry;
import org.priorkit.device.Devices;
import org.priorkit.pretrain.TaskModel;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.zeroshot.Prompts;
import org.priorkit.tasks.zeroshot.ZeroShotConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

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

    @Option(names = "--smoke", description = "at most 50 of the 5x200 images (a quick check)")
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
        if (!smoke) {
            System.out.print(org.priorkit.tasks.zeroshot.ZeroShot.run(data, runDir, config).summary());
            return 0;
        }
        try (NDManager manager = NDManager.newBaseManager(Devices.current())) {
            TaskModel model = TaskModel.open(runDir, data, PriorConfig.preset(config.preset()), manager);
            List<FiveBy200Entry> all = new TaskData(data).fiveBy200();
            int stride = Math.max(1, (all.size() + 49) / 50); // spread over the list: every class keeps some images
            List<FiveBy200Entry> some = IntStream.range(0, all.size()).filter(i -> i % stride == 0).limit(50)
                    .mapToObj(all::get).toList();
            System.out.print(org.priorkit.tasks.zeroshot.ZeroShot.run(model, some, config, manager).summary());
        }
        return 0;
    }
}
