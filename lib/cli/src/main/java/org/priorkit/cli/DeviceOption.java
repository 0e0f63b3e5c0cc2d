package org.priorkit.cli;

import ai.djl.Device;
import org.priorkit.device.Devices;
import picocli.CommandLine.Option;

/** The {@code --device auto|cpu|gpu[:N]} option every command shares. */
public final class DeviceOption {

    @Option(names = "--device", defaultValue = "${env:PRIOR_DEVICE:-auto}",
            description = "auto, cpu, gpu or gpu:N (default: $PRIOR_DEVICE or auto). "
                    + "auto uses the first GPU if the engine sees one, else the CPU.")
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
}
