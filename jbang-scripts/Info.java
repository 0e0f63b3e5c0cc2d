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

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.priorkit.device.Devices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** The first script: which engine and device the kit gets here, and a tiny computation on it. */
@Command(name = "Info", mixinStandardHelpOptions = true,
        description = "Show the DJL engine and device the PRIOR kit uses, and run a tiny check.")
public class Info implements Callable<Integer> {

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}",
            description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    public static void main(String... args) {
        System.exit(new CommandLine(new Info()).execute(args));
    }

    @Override
    public Integer call() {
        Device d = Devices.resolve(device);
        System.out.println(Devices.describe(d));
        try (NDManager m = NDManager.newBaseManager(d)) {
            var x = m.arange(6f).reshape(2, 3); // (2, 3)
            System.out.println("check: sum(x x^T) = " + x.matMul(x.transpose()).sum().getFloat() + " (expected 83.0)");
        }
        return 0;
    }
}
