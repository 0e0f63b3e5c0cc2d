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
 * ResNet-50/101 bottleneck block, torchvision layout ("ResNet v1.5": the stride sits on the 3x3
 * conv2, not on the 1x1 conv1): 1x1 conv to P channels, 3x3 strided conv, 1x1 conv to 4P channels,
 * each followed by BatchNorm, plus the (possibly projected) shortcut, then ReLU.
 *
 * <p>Input (B, Cin, H, W); output (B, 4P, H/s, W/s), P = {@code planes}, s = stride.
 */
final class Bottleneck extends AbstractBlock {

    /** Output channels per planes. */
    public static final int EXPANSION = 4;

    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final Block conv3;
    private final Block bn3;
    private final Block downsample;

    /**
     * @param planes bottleneck width P (output is 4P)
     * @param stride 1 or 2, applied by conv2 and the shortcut
     * @param downsample whether the shortcut needs a projection (stride != 1 or Cin != 4P)
     */
    public Bottleneck(int planes, int stride, boolean downsample) {
        conv1 = addChildBlock("conv1", ResNet.conv(planes, 1, 1));
        bn1 = addChildBlock("bn1", ResNet.batchNorm());
        conv2 = addChildBlock("conv2", ResNet.conv(planes, 3, stride));
        bn2 = addChildBlock("bn2", ResNet.batchNorm());
        conv3 = addChildBlock("conv3", ResNet.conv(planes * EXPANSION, 1, 1));
        bn3 = addChildBlock("bn3", ResNet.batchNorm());
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
            NDArray h = conv1.forward(ps, new NDList(x), training).head();                  // (B, P, H, W)
            h = Activation.relu(bn1.forward(ps, new NDList(h), training).head());
            h = conv2.forward(ps, new NDList(h), training).head();                          // (B, P, H/s, W/s)
            h = Activation.relu(bn2.forward(ps, new NDList(h), training).head());
            h = conv3.forward(ps, new NDList(h), training).head();                          // (B, 4P, H/s, W/s)
            h = bn3.forward(ps, new NDList(h), training).head();
            NDArray identity = downsample == null ? x
                    : downsample.forward(ps, new NDList(x), training).head();               // (B, 4P, H/s, W/s)
            return scope.ret(new NDList(Activation.relu(h.add(identity))));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return conv3.getOutputShapes(conv2.getOutputShapes(conv1.getOutputShapes(in)));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape[] s1 = conv1.getOutputShapes(in);
        Shape[] s2 = conv2.getOutputShapes(s1);
        conv1.initialize(m, t, in);
        bn1.initialize(m, t, s1);
        conv2.initialize(m, t, s1);
        bn2.initialize(m, t, s2);
        conv3.initialize(m, t, s2);
        bn3.initialize(m, t, conv3.getOutputShapes(s2));
        if (downsample != null) {
            downsample.initialize(m, t, in);
        }
    }
}
