package org.priorkit.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.priorkit.device.Devices;
import org.priorkit.device.Threads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code kit info}: the Java, engine and device this machine gives the kit, with a tiny check. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show Java, the DJL engine and the chosen device, and run a tiny computation.")
final class InfoCommand implements Callable<Integer> {

    @Mixin DeviceOption deviceOption;

    @Override
    public Integer call() {
        Device device = deviceOption.resolve();
        System.out.println("java    " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")");
        System.out.println("engine  " + Devices.describe(device));
        System.out.println("threads " + Threads.describe()
                + " (the kit's default is 1, which stays fast on a shared machine; OMP_NUM_THREADS=N to change)");
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray x = m.arange(6f).reshape(2, 3); // (2, 3)
            System.out.println("check   sum(x x^T) = " + x.matMul(x.transpose()).sum().getFloat() + " (expected 83.0)");
        }
        return 0;
    }
}
