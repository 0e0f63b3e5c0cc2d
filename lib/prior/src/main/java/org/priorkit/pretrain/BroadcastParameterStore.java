package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import java.util.HashMap;
import java.util.Map;

/**
 * Parameters for one device of a data-parallel step: the parameter itself on its own device, and on
 * any other device a copy made INSIDE the autograd graph ({@code toDevice}), once per step.
 *
 * <p>Because the copy is differentiable, {@code backward} sends every device's gradient back through
 * it and sums them into the one parameter, as PyTorch's {@code DataParallel} broadcast does. So there
 * is no explicit all-reduce and the optimizer, the checkpoints and the state dict see one set of
 * weights. BatchNorm running statistics update only on the parameters' own device (the copies'
 * updates are dropped with them), which is also {@code DataParallel}'s behaviour.
 *
 * <p>One store per device per step: the copies belong to {@code manager} and go when it closes.
 */
final class BroadcastParameterStore extends ParameterStore {

    private final boolean copyOnOwnDevice;
    private final Map<String, NDArray> copies = new HashMap<>();

    /**
     * @param manager         owns this step's copies (a manager on the device being fed)
     * @param copyOnOwnDevice copy even where the parameter already lives; lets a CPU-only test take
     *                        exactly the path a second GPU takes
     */
    public BroadcastParameterStore(NDManager manager, boolean copyOnOwnDevice) {
        super(manager, false);
        this.copyOnOwnDevice = copyOnOwnDevice;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        NDArray array = parameter.getArray();
        if (!copyOnOwnDevice && array.getDevice().equals(device)) {
            return array;
        }
        return copies.computeIfAbsent(parameter.getId() + "@" + device, k -> {
            NDArray copy = array.toDevice(device, true); // differentiable: gradients flow back to array
            copy.attach(getManager());
            return copy;
        });
    }
}
