package org.priorkit.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.TorchScriptBlock;

import java.nio.file.Path;

/**
 * A user's exported image backbone (e.g. a pretrained ResNet-50) in place of the kit's {@link ResNet},
 * typically as {@code ImageEncoder.builder().setBackbone(TorchScriptImageEncoder.load(path)).optChannels(2048)}.
 *
 * <p>Expected TorchScript signature: {@code forward(image: Tensor[B, 1, H, W] float32) -> Tensor[B, C, h, w]}
 * (the last feature map, no pooling, no fc), or a tuple of maps whose LAST element is the final one
 * (e.g. C2..C5). Export, for instance, with
 * {@code torch.jit.trace(nn.Sequential(*list(resnet.children())[:-2]).eval(), torch.zeros(1, 1, 224, 224)).save(path)}.
 *
 * <pre>
 * input : image (B, 1, H, W)
 * output: the module's maps, each checked to be (B, C, h, w)
 * </pre>
 */
public final class TorchScriptImageEncoder extends AbstractBlock implements AutoCloseable {

    private final TorchScriptBlock script;

    private TorchScriptImageEncoder(TorchScriptBlock script) {
        this.script = addChildBlock("script", script);
    }

    /** Loads a TorchScript file from the local disk (offline). */
    public static TorchScriptImageEncoder load(Path file) {
        return new TorchScriptImageEncoder(TorchScriptBlock.load(file));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray image = inputs.head();                                                 // (B, 1, H, W)
        if (image.getShape().dimension() != 4) {
            throw new IllegalArgumentException("image must be (B, 1, H, W), got " + image.getShape());
        }
        NDList maps = script.forward(ps, new NDList(image), training);
        for (NDArray map : maps) {                                                     // (B, C, h, w)
            if (map.getShape().dimension() != 4 || map.getShape().get(0) != image.getShape().get(0)) {
                throw new IllegalStateException("TorchScript image encoder must return (B, C, h, w) maps, returned "
                        + map.getShape() + " for image " + image.getShape());
            }
        }
        return maps;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return script.getOutputShapes(in);
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        // weights come from the file
    }

    @Override
    public void close() {
        script.close();
    }
}
