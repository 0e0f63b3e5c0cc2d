package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.model.PriorModel;
import org.priorkit.vision.ResNet;

/**
 * How a dense task reads the image encoder: the model's ResNet, and its four stage maps, frozen or
 * trainable. The model itself comes from {@link org.priorkit.pretrain.TaskModel}, as for every
 * task (a pretraining checkpoint, or random init).
 */
public final class Encoders {

    private Encoders() {}

    /** The model's ResNet (the kit's own: dense tasks need its four stage maps). */
    public static ResNet backbone(PriorModel model) {
        Block b = model.imageEncoder().getBackbone();
        if (b instanceof ResNet r) {
            return r;
        }
        throw new IllegalArgumentException("dense tasks need the kit's ResNet backbone (C2..C5 maps), not "
                + b.getClass().getSimpleName());
    }

    /**
     * The four stage maps [C2, C3, C4, C5] of {@code images} (B, 1, H, W). FROZEN: inference mode
     * (BatchNorm running statistics, not updated) and every map cut from the gradient graph;
     * FINE_TUNE: {@code training} as given.
     */
    public static NDList features(ParameterStore ps, ResNet backbone, NDArray images, EncoderMode mode,
                                  boolean training) {
        if (mode.trainsEncoder()) {
            return backbone.features(ps, images, training);
        }
        NDList maps = backbone.features(ps, images, false);
        NDList cut = new NDList(maps.size());
        for (NDArray m : maps) {
            cut.add(m.stopGradient());
        }
        maps.close();
        return cut;
    }
}
