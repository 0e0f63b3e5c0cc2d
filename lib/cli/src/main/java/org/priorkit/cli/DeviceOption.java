package org.priorkit.cli;

import ai.djl.Device;
import org.priorkit.device.Devices;
import picocli.CommandLine.Option;

import java.util.List;

/** The {@code --device auto|cpu|gpu[:N]} option every command shares. */
public final class DeviceOption {

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}",
            description = "auto, cpu, gpu or gpu:N (default: $PRIOR_DEVICE or auto). "
                    + "auto uses the first GPU if the engine sees one, else the CPU. "
                    + "pretrain and run-all also take gpus (all of them) or a list like gpu:0,gpu:1 "
                    + "to split each pretraining batch over several GPUs.")
    String device;

    /**
     * The resolved device, also made the process-wide device of the library's entry points;
     * auto falls back to the CPU with one line on stderr.
     */
    public Device resolve() {
        Device d = Devices.resolve(device);
        Devices.use(d);
        return d;
    }

    /**
     * The devices a pretraining batch is split over (one unless {@code gpus} or a list is given);
     * the first becomes the process-wide device.
     */
    public List<Device> resolveAll() {
        List<Device> ds = Devices.resolveAll(device);
        Devices.use(ds.get(0));
        return ds;
    }
}
