package org.priorkit.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;
import org.priorkit.tasks.dense.UNetDecoder;

/**
 * A CenterNet-style single-stage detector head ("Objects as Points", Zhou et al. 2019) on the
 * encoder's stage maps: a U-Net-style neck up to stride 4, then three small branches predicting,
 * for every cell of the stride-4 map, how likely a box centre lies there, the box size, and the
 * centre's sub-cell offset. No anchors; boxes are read off the heatmap's local maxima
 * ({@link CenterNetDecoder}).
 *
 * <p>Dimensions: B batch, H x W input, h x w = H/4 x W/4 output map, d2 the neck's width,
 * F the branches' hidden width (default d2).
 *
 * <pre>
 * input : [C2, C3, C4, C5] of the ResNet
 *   UNetDecoder -> (B, d2, h, w)
 *   heatmap: conv3x3(F)-ReLU-conv1x1(1) -> (B, 1, h, w)  logits of "a centre is here" (bias -2.19: p = 0.1 at start)
 *   size   : conv3x3(F)-ReLU-conv1x1(2) -> (B, 2, h, w)  box width, height in cells (pixels / 4)
 *   offset : conv3x3(F)-ReLU-conv1x1(2) -> (B, 2, h, w)  centre's x, y offset within its cell, in cells
 * output: [heatmap logits (B, 1, h, w), size (B, 2, h, w), offset (B, 2, h, w)]
 * </pre>
 * The heatmap bias starts at log(0.1 / 0.9), CenterNet's prior: almost every cell is background, and
 * starting at p = 0.5 would make the first steps' focal loss huge. Children: {@code neck},
 * {@code heatmap.0}, {@code heatmap.1}, {@code size.0}, {@code size.1}, {@code offset.0}, {@code offset.1}.
 */
public final class CenterNetHead extends AbstractBlock {

    /** Output stride of the maps: the neck ends at C2's resolution. */
    public static final int STRIDE = 4;
    /** Initial heatmap bias, log(0.1 / 0.9). */
    public static final float HEATMAP_PRIOR_BIAS = (float) Math.log(0.1 / 0.9);

    private final UNetDecoder neck;
    private final Branch heatmap;
    private final Branch size;
    private final Branch offset;

    private CenterNetHead(Builder b) {
        neck = addChildBlock("neck", UNetDecoder.builder().setStageChannels(b.stageChannels).build());
        int hidden = b.hidden > 0 ? b.hidden : neck.getOutputChannels();
        heatmap = addChildBlock("heatmap", new Branch(hidden, 1));
        size = addChildBlock("size", new Branch(hidden, 2));
        offset = addChildBlock("offset", new Branch(hidden, 2));
        heatmap.out.setInitializer(new ConstantInitializer(HEATMAP_PRIOR_BIAS), Parameter.Type.BIAS);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            Scopes.tempAttach(scope, inputs);
            NDList x = neck.forward(ps, inputs, training);                                 // (B, d2, h, w)
            NDArray heat = heatmap.forward(ps, x, training).head();                        // (B, 1, h, w)
            NDArray wh = size.forward(ps, x, training).head();                             // (B, 2, h, w)
            NDArray off = offset.forward(ps, x, training).head();                          // (B, 2, h, w)
            return scope.ret(new NDList(heat, wh, off));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape c2 = in[0];
        long b = c2.get(0);
        long h = c2.get(2);
        long w = c2.get(3);
        return new Shape[] {new Shape(b, 1, h, w), new Shape(b, 2, h, w), new Shape(b, 2, h, w)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        neck.initialize(m, t, in);
        Shape[] x = neck.getOutputShapes(in);
        heatmap.initialize(m, t, x);
        size.initialize(m, t, x);
        offset.initialize(m, t, x);
    }

    /** conv3x3(hidden)-ReLU-conv1x1(out), both with bias; children "0" and "1". */
    static final class Branch extends AbstractBlock {
        private final Block hiddenConv;
        private final Block out;

        Branch(int hidden, int outputs) {
            hiddenConv = addChildBlock("0", Conv2d.builder().setKernelShape(new Shape(3, 3))
                    .optPadding(new Shape(1, 1)).setFilters(hidden).build());
            out = addChildBlock("1", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(outputs).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray h = Activation.relu(hiddenConv.forward(ps, inputs, training).head());
            return out.forward(ps, new NDList(h), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return out.getOutputShapes(hiddenConv.getOutputShapes(in));
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
            hiddenConv.initialize(m, t, in);
            out.initialize(m, t, hiddenConv.getOutputShapes(in));
        }
    }

    /** Builder: {@code setStageChannels} (c2..c5, from {@code ResNet.getStageChannels()}) is required. */
    public static final class Builder {
        private int[] stageChannels;
        private int hidden;

        private Builder() {}

        public Builder setStageChannels(int[] stageChannels) {
            this.stageChannels = stageChannels.clone();
            return this;
        }

        /** F: hidden width of the three branches (default: the neck's output width). */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        public CenterNetHead build() {
            if (stageChannels == null) {
                throw new IllegalArgumentException("setStageChannels is required");
            }
            if (hidden < 0) {
                throw new IllegalArgumentException("hidden width must be >= 0 (0 = the neck's width), got " + hidden);
            }
            return new CenterNetHead(this);
        }
    }
}
