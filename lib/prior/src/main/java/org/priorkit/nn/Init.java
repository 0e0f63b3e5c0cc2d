package org.priorkit.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * The weight initialisations of the PyTorch code the kit follows, since DJL's default differs.
 *
 * <p>DJL draws every weight from He's normal, std sqrt(2 / fan_in): right for the ResNet's
 * convolutions (torchvision uses it too, and the kit's ResNet keeps it), but 9x wider than BERT's
 * N(0, 0.02) and 2.4x wider than PyTorch's default for {@code nn.Linear}. With it, a BERT trained from
 * scratch with the global InfoNCE learned to tell the training reports apart instead of what they
 * say: held-out image-to-report retrieval stayed at chance (lib/README, "Why the tiny preset ...").
 * So every attention, pooling and head layer here uses PyTorch's default, the text encoder uses
 * BERT's N(0, 0.02), and the projections use the official code's N(0, width^-1/2).
 */
public final class Init {

    private Init() {}

    /** PyTorch's default for {@code nn.Linear} weights: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    public static Initializer torchDefault() {
        // DJL's Xavier with factor "in" and magnitude 1 draws U(-sqrt(1 / fan_in), sqrt(1 / fan_in)).
        return new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1f);
    }

    /** N(0, std). */
    public static Initializer normal(double std) {
        return new NormalInitializer((float) std);
    }

    /** A Linear layer of {@code units} outputs with PyTorch's default weight init (bias 0). */
    public static Linear linear(int units) {
        return linear(units, true, torchDefault());
    }

    /** A Linear layer with weights drawn by {@code init} (bias 0, when it has one). */
    public static Linear linear(int units, boolean bias, Initializer init) {
        Linear layer = Linear.builder().setUnits(units).optBias(bias).build();
        layer.setInitializer(init, Parameter.Type.WEIGHT);
        return layer;
    }

    /** Sets the initialiser of every weight in {@code block} and its children (embedding tables included). */
    public static <B extends Block> B weights(B block, Initializer init) {
        block.setInitializer(init, Parameter.Type.WEIGHT);
        return block;
    }
}
