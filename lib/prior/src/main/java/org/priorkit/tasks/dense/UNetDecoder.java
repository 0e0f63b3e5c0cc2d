package org.priorkit.tasks.dense;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;

import java.util.Arrays;

/**
 * A U-Net-style decoder over a ResNet's four stage maps: from the deepest map up to stride 4,
 * each step doubling the resolution and fusing the encoder map of that resolution (the skip).
 * Segmentation puts a 1x1 logit conv on its output; detection puts CenterNet's heads on it.
 *
 * <p>Dimensions: B batch, H x W image, c2..c5 the stage channels (ResNet-18: 64, 128, 256, 512;
 * the tiny preset: 16, 32, 64, 128), d4, d3, d2 the decoder widths (default: the skip's own
 * channels, so the decoder's size follows the encoder's instead of being hard-coded).
 *
 * <pre>
 * input : [C2 (B, c2, H/4, W/4), C3 (B, c3, H/8, W/8), C4 (B, c4, H/16, W/16), C5 (B, c5, H/32, W/32)]
 *   x = C5
 *   up 4: x = nearest x2 (B, c5, H/16, W/16) ++ C4 -> (B, c5 + c4, ...) -> 2 x [conv3x3-BN-ReLU] -> (B, d4, H/16, W/16)
 *   up 3: x = nearest x2 ++ C3 -> 2 x [conv3x3-BN-ReLU] -> (B, d3, H/8,  W/8)
 *   up 2: x = nearest x2 ++ C2 -> 2 x [conv3x3-BN-ReLU] -> (B, d2, H/4,  W/4)
 * output: (B, d2, H/4, W/4)
 * </pre>
 * Stopping at stride 4 (C2) keeps the decoder cheap on a CPU; the heads upsample their small
 * outputs (a logit map, or box coordinates) instead of full-resolution features.
 * Children: {@code up4}, {@code up3}, {@code up2}, each with {@code conv1}, {@code bn1},
 * {@code conv2}, {@code bn2}.
 */
public final class UNetDecoder extends AbstractBlock {

    private final int[] stageChannels;
    private final int[] widths;
    private final FuseBlock[] ups = new FuseBlock[3];

    private UNetDecoder(Builder b) {
        stageChannels = b.stageChannels.clone();
        widths = b.widths != null ? b.widths.clone()
                : new int[] {stageChannels[0], stageChannels[1], stageChannels[2]};
        // ups[k] fuses skip C(k+2): ups[2] runs first (C4), ups[0] last (C2)
        for (int k = 2; k >= 0; k--) {
            ups[k] = addChildBlock("up" + (k + 2), new FuseBlock(widths[k]));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** d2: channels of the output map (stride 4). */
    public int getOutputChannels() {
        return widths[0];
    }

    /** Decoder widths d2, d3, d4. */
    public int[] getWidths() {
        return widths.clone();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException("UNetDecoder takes the 4 maps [C2, C3, C4, C5], got " + inputs.size());
        }
        try (NDManager scope = NDManager.subManagerOf(inputs.head())) {
            Scopes.tempAttach(scope, inputs);
            NDArray x = inputs.get(3);                                                        // (B, c5, H/32, W/32)
            for (int k = 2; k >= 0; k--) {
                NDArray skip = inputs.get(k);                                                 // (B, c_k, 2h, 2w)
                NDArray cat = NDArrays.concat(new NDList(Upsample.nearest2(x), skip), 1);     // (B, c + c_k, 2h, 2w)
                x = ups[k].forward(ps, new NDList(cat), training).head();                     // (B, d_k, 2h, 2w)
            }
            return scope.ret(new NDList(x));                                                  // (B, d2, H/4, W/4)
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape c2 = in[0];
        return new Shape[] {new Shape(c2.get(0), widths[0], c2.get(2), c2.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        long channels = in[3].get(1);
        for (int k = 2; k >= 0; k--) {
            Shape skip = in[k];
            ups[k].initialize(m, t, new Shape(skip.get(0), channels + skip.get(1), skip.get(2), skip.get(3)));
            channels = widths[k];
        }
    }

    /** Two conv3x3-BN-ReLU at one resolution; children conv1, bn1, conv2, bn2. */
    static final class FuseBlock extends AbstractBlock {
        private final Block conv1;
        private final Block bn1;
        private final Block conv2;
        private final Block bn2;

        FuseBlock(int out) {
            conv1 = addChildBlock("conv1", conv3x3(out));
            bn1 = addChildBlock("bn1", BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build());
            conv2 = addChildBlock("conv2", conv3x3(out));
            bn2 = addChildBlock("bn2", BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDList x = conv1.forward(ps, inputs, training);                                   // (B, out, h, w)
            x = new NDList(Activation.relu(bn1.forward(ps, x, training).head()));
            x = conv2.forward(ps, x, training);                                               // (B, out, h, w)
            return new NDList(Activation.relu(bn2.forward(ps, x, training).head()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return conv2.getOutputShapes(conv1.getOutputShapes(in));
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
            Shape[] mid = conv1.getOutputShapes(in);
            conv1.initialize(m, t, in);
            bn1.initialize(m, t, mid);
            conv2.initialize(m, t, mid);
            bn2.initialize(m, t, mid);
        }
    }

    /** A bias-free 3x3 "same" convolution (BatchNorm follows, so a bias would be redundant). */
    static Block conv3x3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(filters).optBias(false).build();
    }

    /** Builder: {@code setStageChannels} (c2..c5, e.g. from {@code ResNet.getStageChannels()}) is required. */
    public static final class Builder {
        private int[] stageChannels;
        private int[] widths;

        private Builder() {}

        /** c2, c3, c4, c5: channels of the four encoder maps. */
        public Builder setStageChannels(int[] stageChannels) {
            this.stageChannels = stageChannels.clone();
            return this;
        }

        /** d2, d3, d4: decoder widths (default: c2, c3, c4). */
        public Builder optWidths(int d2, int d3, int d4) {
            this.widths = new int[] {d2, d3, d4};
            return this;
        }

        public UNetDecoder build() {
            if (stageChannels == null || stageChannels.length != 4 || Arrays.stream(stageChannels).anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("setStageChannels needs 4 positive channel counts (C2..C5), got "
                        + Arrays.toString(stageChannels));
            }
            if (widths != null && Arrays.stream(widths).anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("decoder widths must be positive, got " + Arrays.toString(widths));
            }
            return new UNetDecoder(this);
        }
    }
}
