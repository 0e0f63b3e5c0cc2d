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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.nn.Scopes;

/**
 * ResNet-18/34 residual block, torchvision layout: {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))}
 * with two 3x3 convolutions (the first one strided) and, when the shape changes, a
 * {@code downsample} = [1x1 strided conv, BatchNorm] shortcut.
 *
 * <p>Input (B, Cin, H, W); output (B, P, H/s, W/s), P = {@code planes}, s = stride.
 */
final class BasicBlock extends AbstractBlock {

    /** Output channels per planes (1 for the basic block, 4 for the bottleneck). */
    public static final int EXPANSION = 1;

    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final Block downsample;

    /**
     * @param planes output channels P
     * @param stride 1 or 2, applied by conv1 and the shortcut
     * @param downsample whether the shortcut needs a projection (stride != 1 or Cin != P)
     */
    public BasicBlock(int planes, int stride, boolean downsample) {
        conv1 = addChildBlock("conv1", ResNet.conv(planes, 3, stride));
        bn1 = addChildBlock("bn1", ResNet.batchNorm());
        conv2 = addChildBlock("conv2", ResNet.conv(planes, 3, 1));
        bn2 = addChildBlock("bn2", ResNet.batchNorm());
        this.downsample = downsample ? addChildBlock("downsample", new SequentialBlock()
                .add(ResNet.conv(planes * EXPANSION, 1, stride))
                .add(ResNet.batchNorm())) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();                                                          // (B, Cin, H, W)
        try (NDManager scope = NDManager.subManagerOf(x)) {
            Scopes.tempAttach(scope, x);
            NDArray h = conv1.forward(ps, new NDList(x), training).head();                  // (B, P, H/s, W/s)
            h = Activation.relu(bn1.forward(ps, new NDList(h), training).head());
            h = conv2.forward(ps, new NDList(h), training).head();                          // (B, P, H/s, W/s)
            h = bn2.forward(ps, new NDList(h), training).head();
            NDArray identity = downsample == null ? x
                    : downsample.forward(ps, new NDList(x), training).head();               // (B, P, H/s, W/s)
            return scope.ret(new NDList(Activation.relu(h.add(identity))));
        }
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
        bn2.initialize(m, t, conv2.getOutputShapes(mid));
        if (downsample != null) {
            downsample.initialize(m, t, in);
        }
    }
}
