package org.priorkit.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;

/**
 * The kit's ResNet-18/34/50/101 in torchvision's layout and parameter names ({@code conv1}, {@code bn1},
 * {@code layer1.0.conv1}, {@code layer2.0.downsample.0}, ...), without the classifier, returning the
 * feature map of every stage so that segmentation and detection heads can use them.
 *
 * <p>Dimensions: B batch, Cin input channels (1 for chest X-rays; inferred at initialisation),
 * H x W image. Strides 4, 8, 16, 32 for C2..C5; widths 64, 128, 256, 512 (basic blocks, base width 64) or
 * 256, 512, 1024, 2048 (bottlenecks).
 *
 * <pre>
 * input : image (B, Cin, H, W)
 * output: [C2 (B, c2, H/4, W/4), C3 (B, c3, H/8, W/8), C4 (B, c4, H/16, W/16), C5 (B, c5, H/32, W/32)]
 * </pre>
 * (sizes rounded up, as the convolutions pad). A torchvision state_dict of a 1-channel model without
 * {@code fc.*} loads with {@link org.priorkit.nn.StateDict#load}; for a 3-channel checkpoint sum
 * {@code conv1.weight} over its input channels first.
 *
 * <p>BatchNorm uses eps 1e-5 and PyTorch's momentum 0.1; in inference ({@code training = false})
 * it uses the running statistics, like {@code model.eval()}. Weights start from DJL's default
 * initialisers, not torchvision's Kaiming: load pretrained weights or train.
 */
public final class ResNet extends AbstractBlock {

    private final int depth;
    private final int baseWidth;
    private final int[] channels;
    private final Block conv1;
    private final Block bn1;
    private final Block[] layers = new Block[4];

    private ResNet(Builder b) {
        this.depth = b.depth;
        this.baseWidth = b.baseWidth;
        boolean bottleneck = depth >= 50;
        int expansion = bottleneck ? Bottleneck.EXPANSION : BasicBlock.EXPANSION;
        int[] blocks = switch (depth) {
            case 18 -> new int[] {2, 2, 2, 2};
            case 34, 50 -> new int[] {3, 4, 6, 3};
            case 101 -> new int[] {3, 4, 23, 3};
            default -> throw new IllegalArgumentException("depth must be 18, 34, 50 or 101, got " + depth);
        };
        conv1 = addChildBlock("conv1", Conv2d.builder().setKernelShape(new Shape(7, 7)).setFilters(baseWidth)
                .optStride(new Shape(2, 2)).optPadding(new Shape(3, 3)).optBias(false).build());
        bn1 = addChildBlock("bn1", batchNorm());
        channels = new int[4];
        int inplanes = baseWidth;
        for (int stage = 0; stage < 4; stage++) {
            int planes = baseWidth << stage;
            int stride = stage == 0 ? 1 : 2;
            SequentialBlock layer = new SequentialBlock();
            for (int i = 0; i < blocks[stage]; i++) {
                int s = i == 0 ? stride : 1;
                boolean down = i == 0 && (s != 1 || inplanes != planes * expansion);
                layer.add(bottleneck ? new Bottleneck(planes, s, down) : new BasicBlock(planes, s, down));
                inplanes = planes * expansion;
            }
            layers[stage] = addChildBlock("layer" + (stage + 1), layer);
            channels[stage] = planes * expansion;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Channels of C2..C5 (e.g. 64, 128, 256, 512 for ResNet-18). */
    public int[] getStageChannels() {
        return channels.clone();
    }

    /** Channels of the last feature map C5 (512 or 2048). */
    public int getOutputChannels() {
        return channels[3];
    }

    public int getDepth() {
        return depth;
    }

    /** The four feature maps [C2, C3, C4, C5] of {@code image} (B, Cin, H, W). */
    public NDList features(ParameterStore ps, NDArray image, boolean training) {
        return forward(ps, new NDList(image), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();                                                      // (B, Cin, H, W)
        try (NDManager scope = NDManager.subManagerOf(x)) {
            Scopes.tempAttach(scope, x);
            NDArray h = conv1.forward(ps, new NDList(x), training).head();              // (B, w, H/2, W/2), w = base width
            h = Activation.relu(bn1.forward(ps, new NDList(h), training).head());
            h = Pool.maxPool2d(h, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false); // (B, w, H/4, W/4)
            NDList maps = new NDList(4);
            for (Block layer : layers) {
                h = layer.forward(ps, new NDList(h), training).head();                  // (B, c_k, H/2^k, W/2^k)
                maps.add(h);
            }
            return scope.ret(maps);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape[] s = conv1.getOutputShapes(in);
        long h = (s[0].get(2) - 1) / 2 + 1; // 3x3 max pool, stride 2, padding 1
        long w = (s[0].get(3) - 1) / 2 + 1;
        Shape[] cur = {new Shape(s[0].get(0), baseWidth, h, w)};
        Shape[] out = new Shape[4];
        for (int i = 0; i < 4; i++) {
            cur = layers[i].getOutputShapes(cur);
            out[i] = cur[0];
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape[] s = conv1.getOutputShapes(in);
        conv1.initialize(m, t, in);
        bn1.initialize(m, t, s);
        long h = (s[0].get(2) - 1) / 2 + 1;
        long w = (s[0].get(3) - 1) / 2 + 1;
        Shape[] cur = {new Shape(s[0].get(0), baseWidth, h, w)};
        for (Block layer : layers) {
            layer.initialize(m, t, cur);
            cur = layer.getOutputShapes(cur);
        }
    }

    /** A bias-free k x k convolution with "same" padding, as every conv inside torchvision's ResNet. */
    static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false).build();
    }

    /** BatchNorm2d with PyTorch's defaults (eps 1e-5, momentum 0.1 = DJL momentum 0.9). */
    static Block batchNorm() {
        return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
    }

    /** Builder: {@code setDepth} (18, 34, 50 or 101) is required. */
    public static final class Builder {
        private int depth;
        private int baseWidth = 64;

        private Builder() {}

        /**
         * Channels of the stem and first stage (torchvision: 64); every stage doubles it. A smaller
         * width (e.g. 16) gives the same architecture at a fraction of the cost, for CPU runs.
         */
        public Builder optBaseWidth(int baseWidth) {
            this.baseWidth = baseWidth;
            return this;
        }

        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        public ResNet build() {
            if (baseWidth < 1) {
                throw new IllegalArgumentException("baseWidth must be >= 1, got " + baseWidth);
            }
            return new ResNet(this);
        }
    }
}
