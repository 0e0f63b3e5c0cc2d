package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PyTorch-style parameter names for DJL blocks, so weights can move between the kit and PyTorch
 * ({@code conv1.weight}, {@code layer1.0.bn1.running_mean}, ...).
 *
 * <p>DJL names a child "01conv1" (a two-digit position prefix) and a {@link SequentialBlock}'s
 * children by class name; PyTorch uses the attribute name and, in an {@code nn.Sequential}, the
 * index. DJL also calls LayerNorm/BatchNorm's scale and shift "gamma"/"beta". This class maps one
 * convention onto the other, so a block whose children carry PyTorch's attribute names loads a
 * PyTorch {@code state_dict} directly.
 */
public final class StateDict {

    private static final NDIndex ALL = new NDIndex("...");

    private static final Map<String, String> TORCH_PARAM_NAMES = Map.of(
            "gamma", "weight",
            "beta", "bias",
            "runningMean", "running_mean",
            "runningVar", "running_var",
            "embedding", "weight");

    private StateDict() {}

    /** Every parameter of {@code block}, keyed by its PyTorch-style dotted name, in block order. */
    public static Map<String, Parameter> named(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = TORCH_PARAM_NAMES.getOrDefault(p.getKey(), p.getKey());
            out.put(prefix + name, p.getValue());
        }
        BlockList children = block.getChildren();
        for (int i = 0; i < children.size(); i++) {
            Pair<String, Block> child = children.get(i);
            String childName = block instanceof SequentialBlock
                    ? Integer.toString(i)
                    : child.getKey().replaceFirst("^\\d\\d", "");
            collect(child.getValue(), prefix + childName + ".", out);
        }
    }

    /**
     * Copies {@code tensors} into the (already initialised) parameters of {@code block}.
     * Every parameter must be present with the same shape; PyTorch's BatchNorm counter
     * {@code num_batches_tracked} is ignored; any other unused tensor is an error, so a renamed
     * layer cannot be silently skipped.
     */
    public static void load(Block block, Map<String, NDArray> tensors) {
        Map<String, Parameter> params = named(block);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray src = tensors.get(e.getKey());
            Parameter p = e.getValue();
            if (src == null) {
                problems.add("missing " + e.getKey());
            } else if (!p.isInitialized()) {
                problems.add("parameter " + e.getKey() + " is not initialised (call block.initialize first)");
            } else if (!src.getShape().equals(p.getArray().getShape())) {
                problems.add(e.getKey() + ": shape " + src.getShape() + " != " + p.getArray().getShape());
            }
        }
        Set<String> unused = new TreeSet<>(tensors.keySet());
        unused.removeAll(params.keySet());
        unused.removeIf(k -> k.endsWith("num_batches_tracked"));
        unused.forEach(k -> problems.add("unexpected " + k));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("state dict does not fit "
                    + block.getClass().getSimpleName() + ": " + String.join("; ", problems));
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            copyInto(e.getValue().getArray(), tensors.get(e.getKey()));
        }
    }

    /**
     * Copies {@code src}'s values into {@code dst}'s own storage, in dst's data type and on its device, as a
     * tensor copy: DJL's {@code copyTo} and {@code set(Buffer)} make libtorch print a scary
     * "AutoNonVariableTypeMode is deprecated" warning.
     */
    public static void copyInto(NDArray dst, NDArray src) {
        dst.set(ALL, src.toType(dst.getDataType(), false).toDevice(dst.getDevice(), false));
    }
}
