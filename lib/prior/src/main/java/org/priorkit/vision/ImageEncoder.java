package org.priorkit.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;

/**
 * The PRIOR image encoder: a backbone giving the last feature map, attention pooling for the global
 * feature, and the map's cells as local tokens.
 *
 * <p>Dimensions: B batch, C channels of the last map, h x w its size, I = h*w image tokens,
 * Dout global feature width.
 *
 * <pre>
 * input : image (B, 1, H, W)
 * output: [global (B, Dout), tokens (B, I, C), map (B, C, h, w)]
 * </pre>
 *
 * <p>Token order: {@code tokens = map.flatten(2).transpose(1, 2)}, so token i is the cell
 * {@code map[:, :, i / w, i % w]} (row-major). The official code's {@code map.view(B, -1, C)} mixes
 * channels and positions; {@code ImageEncoderTest} pins the right order. {@link #toMap} inverts it.
 *
 * <p>Backbone contract: any block whose LAST output is the final feature map (B, C, h, w) -- the
 * kit's {@link ResNet} (which returns C2..C5) or a {@link TorchScriptImageEncoder}. Child names:
 * {@code backbone.*} (torchvision names for a ResNet) and {@code attnpool.*} (CLIP names).
 */
public final class ImageEncoder extends AbstractBlock {

    private final Block backbone;
    private final AttentionPool2d attnpool;

    private ImageEncoder(Builder b) {
        backbone = addChildBlock("backbone", b.backbone);
        attnpool = addChildBlock("attnpool", AttentionPool2d.builder().setEmbedDim(b.channels)
                .setNumHeads(b.numHeads).optOutputDim(b.outputDim).build());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Block getBackbone() {
        return backbone;
    }

    public AttentionPool2d getAttentionPool() {
        return attnpool;
    }

    /** Map (B, C, h, w) to tokens (B, I, C), I = h*w, token i = map[:, :, i / w, i % w]. */
    public static NDArray toTokens(NDArray map) {
        Shape s = map.getShape();
        return map.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1); // (B, I, C)
    }

    /** Tokens (B, I, C) back to the map (B, C, h, w); I must equal h*w. */
    public static NDArray toMap(NDArray tokens, long h, long w) {
        Shape s = tokens.getShape();
        if (s.get(1) != h * w) {
            throw new IllegalArgumentException(s.get(1) + " tokens do not fill a " + h + "x" + w + " map");
        }
        return tokens.transpose(0, 2, 1).reshape(s.get(0), s.get(2), h, w);             // (B, C, h, w)
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray image = inputs.head();                                                  // (B, 1, H, W)
        try (NDManager scope = NDManager.subManagerOf(image)) {
            Scopes.tempAttach(scope, image);
            NDList maps = backbone.forward(ps, new NDList(image), training);
            NDArray map = maps.get(maps.size() - 1);                                    // (B, C, h, w)
            NDArray global = attnpool.forward(ps, new NDList(map), training).head();    // (B, Dout)
            return scope.ret(new NDList(global, toTokens(map), map));                   // (B, I, C), (B, C, h, w)
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape[] maps = backbone.getOutputShapes(in);
        Shape m = maps[maps.length - 1];
        return new Shape[] {attnpool.getOutputShapes(new Shape[] {m})[0],
                new Shape(m.get(0), m.get(2) * m.get(3), m.get(1)), m};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        backbone.initialize(m, t, in);
        Shape[] maps = backbone.getOutputShapes(in);
        attnpool.initialize(m, t, maps[maps.length - 1]);
    }

    /** Builder: {@code setBackbone} and {@code setOutputDim} are required. */
    public static final class Builder {
        private Block backbone;
        private int channels;
        private int numHeads = 8;
        private int outputDim;

        private Builder() {}

        /** The backbone; for a {@link ResNet} the channel count C is taken from it. */
        public Builder setBackbone(Block backbone) {
            this.backbone = backbone;
            if (backbone instanceof ResNet r) {
                channels = r.getOutputChannels();
            }
            return this;
        }

        /** C: channels of the backbone's last map; required for backbones other than {@link ResNet}. */
        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Heads of the attention pooling (default 8, as the paper). */
        public Builder optNumHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        /** Dout: width of the global feature. */
        public Builder setOutputDim(int outputDim) {
            this.outputDim = outputDim;
            return this;
        }

        public ImageEncoder build() {
            if (backbone == null || channels <= 0 || outputDim <= 0) {
                throw new IllegalArgumentException("ImageEncoder needs a backbone, its channel count and an output dim");
            }
            return new ImageEncoder(this);
        }
    }
}
