package org.priorkit.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;
import org.priorkit.tasks.dense.UNetDecoder;
import org.priorkit.tasks.dense.Upsample;

/**
 * The segmentation head: a U-Net-style decoder over the encoder's stage maps, a 1x1 convolution to
 * one logit per pixel at stride 4, and a bilinear resize of that logit map to the input size.
 *
 * <p>Dimensions: B batch, H x W input image, c2..c5 stage channels, d2 the decoder's output width.
 *
 * <pre>
 * input : [C2 (B, c2, H/4, W/4), C3 (B, c3, H/8, W/8), C4 (B, c4, H/16, W/16), C5 (B, c5, H/32, W/32)]
 *   UNetDecoder -> (B, d2, H/4, W/4) -> conv1x1 -> (B, 1, H/4, W/4) -> bilinear x4 -> (B, 1, H, W)
 * output: logits (B, 1, H, W); sigmoid(logit) > 0.5 is the predicted mask
 * </pre>
 * Children: {@code decoder} (see {@link UNetDecoder}), {@code logits}.
 */
public final class SegmentationHead extends AbstractBlock {

    private final UNetDecoder decoder;
    private final Block logits;

    private SegmentationHead(Builder b) {
        decoder = addChildBlock("decoder", UNetDecoder.builder().setStageChannels(b.stageChannels).build());
        logits = addChildBlock("logits", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    }

    public static Builder builder() {
        return new Builder();
    }

    public UNetDecoder getDecoder() {
        return decoder;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            Scopes.tempAttach(scope, inputs);
            NDArray x = decoder.forward(ps, inputs, training).head();                     // (B, d2, H/4, W/4)
            NDArray small = logits.forward(ps, new NDList(x), training).head();           // (B, 1, H/4, W/4)
            Shape s = small.getShape();
            NDArray full = Upsample.bilinear(small, (int) s.get(2) * 4, (int) s.get(3) * 4); // (B, 1, H, W)
            return scope.ret(new NDList(full));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape c2 = in[0];
        return new Shape[] {new Shape(c2.get(0), 1, c2.get(2) * 4, c2.get(3) * 4)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        decoder.initialize(m, t, in);
        logits.initialize(m, t, decoder.getOutputShapes(in));
    }

    /** Builder: {@code setStageChannels} (c2..c5, from {@code ResNet.getStageChannels()}) is required. */
    public static final class Builder {
        private int[] stageChannels;

        private Builder() {}

        public Builder setStageChannels(int[] stageChannels) {
            this.stageChannels = stageChannels.clone();
            return this;
        }

        public SegmentationHead build() {
            if (stageChannels == null) {
                throw new IllegalArgumentException("setStageChannels is required");
            }
            return new SegmentationHead(this);
        }
    }
}
