package org.priorkit.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scalars;
import org.priorkit.nn.Scopes;

import java.util.ArrayList;
import java.util.List;

/**
 * Cross-modality conditional image reconstruction: the image feature map, half of its channels
 * dropped, plus the text-to-image context map, decoded back to the image.
 *
 * <p>Dimensions: B batch, C image feature channels, D context width, h x w feature map (I = h w
 * tokens), H x W = (h stride) x (w stride) output.
 *
 * <pre>
 *   image tokens (B, I, C) -> map (B, C, h, w) -> channel dropout p (whole channels, training only)
 *   context (B, I, D)      -> map (B, D, h, w)
 *   concat (B, C + D, h, w) -> log2(stride) x [upsample x2 (nearest) -> conv3x3-BN-ReLU -> conv3x3-BN-ReLU]
 *                           -> conv3x3 -> (B, 1, H, W)
 * </pre>
 *
 * Sizes derive from the encoder: the number of blocks is log2(stride) (ResNet: 32 -> 5 blocks) and
 * each block halves the channels, starting from C + D (ResNet-50 with D = 768: 2816 -> 1408 -> 704
 * -> 352 -> 176 -> 88), never below {@link Builder#optMinChannels}. Tokens are read as
 * {@code flatten(2).transpose(1, 2)} of the NCHW map (not the official code's {@code view}); a
 * token grid is assumed square unless maps (B, C, h, w) are passed instead of tokens.
 *
 * <p>Children: {@code blocks.k.conv1}, {@code blocks.k.bn1}, {@code blocks.k.conv2},
 * {@code blocks.k.bn2}, {@code head}.
 */
public final class ImageDecoder extends AbstractBlock {

    private final int imageChannels;
    private final int contextChannels;
    private final int stride;
    private final float dropout;
    private final List<Integer> widths;
    private final SequentialBlock blocks;
    private final Block head;

    private ImageDecoder(Builder b) {
        imageChannels = b.imageChannels;
        contextChannels = b.contextChannels;
        stride = b.stride;
        dropout = b.dropout;
        widths = channelPlan(b.imageChannels + b.contextChannels, Integer.numberOfTrailingZeros(b.stride), b.minChannels);
        SequentialBlock seq = new SequentialBlock();
        for (int k = 1; k < widths.size(); k++) {
            seq.add(new UpBlock(widths.get(k)));
        }
        blocks = addChildBlock("blocks", seq);
        head = addChildBlock("head", conv(1, true));
    }

    /** Input width followed by each block's output width. */
    static List<Integer> channelPlan(int in, int blockCount, int minChannels) {
        List<Integer> w = new ArrayList<>();
        w.add(in);
        for (int k = 0; k < blockCount; k++) {
            w.add(Math.max(w.get(k) / 2, minChannels));
        }
        return w;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Channel widths: the concatenated input, then each block's output (the head maps to 1). */
    public List<Integer> getChannelPlan() {
        return List.copyOf(widths);
    }

    private static Conv2d conv(int filters, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(filters).optBias(bias).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.get(0); // (B, I, C) or (B, C, h, w)
        NDArray context = inputs.get(1); // (B, I, D) or (B, D, h, w)
        try (NDManager scope = NDManager.subManagerOf(image)) {
            Scopes.tempAttach(scope, image, context);
            NDArray imageMap = toMap(image); // (B, C, h, w)
            NDArray contextMap = toMap(context); // (B, D, h, w)
            NDArray x = NDArrays.concat(new NDList(channelDropout(imageMap, dropout, training), contextMap), 1); // (B, C + D, h, w)
            x = blocks.forward(ps, new NDList(x), training).singletonOrThrow(); // (B, C_last, H, W)
            return scope.ret(head.forward(ps, new NDList(x), training)); // (B, 1, H, W)
        }
    }

    /** (B, L, C) tokens of a square grid -> (B, C, h, w); a 4-d map passes through. */
    static NDArray toMap(NDArray x) {
        if (x.getShape().dimension() == 4) {
            return x;
        }
        long b = x.getShape().get(0);
        long l = x.getShape().get(1);
        long c = x.getShape().get(2);
        long side = Math.round(Math.sqrt(l));
        if (side * side != l) {
            throw new IllegalArgumentException(l + " tokens are not a square grid: pass (B, C, h, w) maps instead");
        }
        return x.transpose(0, 2, 1).reshape(b, c, side, side); // (B, C, h, w)
    }

    /**
     * Dropout2d: zeroes whole channels with probability p and scales the rest by 1 / (1 - p), in
     * training only. (B, C, h, w) -> (B, C, h, w).
     */
    static NDArray channelDropout(NDArray x, float p, boolean training) {
        if (!training || p == 0) {
            return x;
        }
        Shape perChannel = new Shape(x.getShape().get(0), x.getShape().get(1), 1, 1); // (B, C, 1, 1)
        NDArray keep = x.getManager().randomUniform(0f, 1f, perChannel, x.getDataType())
                .gte(Scalars.like(x, p)).toType(x.getDataType(), false); // (B, C, 1, 1)
        return x.mul(keep.div(Scalars.tensor(x, 1.0 - p))); // (B, C, h, w)
    }

    /** Nearest-neighbour x2: (B, C, h, w) -> (B, C, 2h, 2w). */
    static NDArray upsample2(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, h, 1, w, 1).broadcast(b, c, h, 2, w, 2).reshape(b, c, 2 * h, 2 * w);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape map = in[0].dimension() == 4 ? in[0]
                : new Shape(in[0].get(0), in[0].get(2), Math.round(Math.sqrt(in[0].get(1))), Math.round(Math.sqrt(in[0].get(1))));
        return new Shape[] {new Shape(map.get(0), 1, map.get(2) * stride, map.get(3) * stride)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape map = in[0].dimension() == 4 ? in[0]
                : new Shape(in[0].get(0), in[0].get(2), Math.round(Math.sqrt(in[0].get(1))), Math.round(Math.sqrt(in[0].get(1))));
        Shape x = new Shape(map.get(0), imageChannels + contextChannels, map.get(2), map.get(3));
        blocks.initialize(manager, dataType, x);
        head.initialize(manager, dataType, blocks.getOutputShapes(new Shape[] {x}));
    }

    /** upsample x2 -> conv3x3-BN-ReLU -> conv3x3-BN-ReLU; children conv1, bn1, conv2, bn2. */
    static final class UpBlock extends AbstractBlock {
        private final Block conv1;
        private final Block bn1;
        private final Block conv2;
        private final Block bn2;

        UpBlock(int out) {
            conv1 = addChildBlock("conv1", conv(out, false));
            bn1 = addChildBlock("bn1", BatchNorm.builder().build());
            conv2 = addChildBlock("conv2", conv(out, false));
            bn2 = addChildBlock("bn2", BatchNorm.builder().build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDList x = new NDList(upsample2(inputs.singletonOrThrow())); // (B, in, 2h, 2w)
            x = bn1.forward(ps, conv1.forward(ps, x, training), training); // (B, out, 2h, 2w)
            x = new NDList(Activation.relu(x.singletonOrThrow()));
            x = bn2.forward(ps, conv2.forward(ps, x, training), training); // (B, out, 2h, 2w)
            return new NDList(Activation.relu(x.singletonOrThrow()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            Shape up = new Shape(in[0].get(0), in[0].get(1), in[0].get(2) * 2, in[0].get(3) * 2);
            return conv2.getOutputShapes(conv1.getOutputShapes(new Shape[] {up}));
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            Shape up = new Shape(in[0].get(0), in[0].get(1), in[0].get(2) * 2, in[0].get(3) * 2);
            conv1.initialize(manager, dataType, up);
            Shape mid = conv1.getOutputShapes(new Shape[] {up})[0];
            bn1.initialize(manager, dataType, mid);
            conv2.initialize(manager, dataType, mid);
            bn2.initialize(manager, dataType, conv2.getOutputShapes(new Shape[] {mid}));
        }
    }

    public static final class Builder {
        private int imageChannels;
        private int contextChannels;
        private int stride;
        private float dropout = 0.5f;
        private int minChannels = 8;

        private Builder() {}

        /** C: channels of the image feature map (ResNet-50: 2048). */
        public Builder setImageChannels(int imageChannels) {
            this.imageChannels = imageChannels;
            return this;
        }

        /** D: width of the text-to-image context tokens. */
        public Builder setContextChannels(int contextChannels) {
            this.contextChannels = contextChannels;
            return this;
        }

        /** The encoder's total stride, a power of two (ResNet: 32); gives the number of x2 blocks. */
        public Builder setStride(int stride) {
            this.stride = stride;
            return this;
        }

        /** Channel dropout on the image map (paper: 0.5). */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Floor of the halving channel widths (default 8). */
        public Builder optMinChannels(int minChannels) {
            this.minChannels = minChannels;
            return this;
        }

        public ImageDecoder build() {
            if (imageChannels <= 0 || contextChannels <= 0) {
                throw new IllegalArgumentException("setImageChannels and setContextChannels (> 0) are required");
            }
            if (stride < 2 || Integer.bitCount(stride) != 1) {
                throw new IllegalArgumentException("stride must be a power of two >= 2, got " + stride);
            }
            if (dropout < 0 || dropout >= 1 || minChannels < 1) {
                throw new IllegalArgumentException("dropout in [0, 1) and minChannels >= 1 required");
            }
            return new ImageDecoder(this);
        }
    }
}
