package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constants for arithmetic with a tensor, typed like that tensor.
 *
 * <p>{@link #tensor} is the one to use as the operand of {@code mul}, {@code div}, {@code pow},
 * {@code maximum} and {@code minimum}. DJL 0.36's PyTorch engine turns a Java {@code Number} operand
 * into a tensor over a Java direct buffer and closes it right after the op; autograd keeps that
 * tensor for the backward pass, and once the garbage collector frees the buffer, backward reads
 * freed memory. The gradient is then silently wrong or NaN whenever a GC falls between forward and
 * backward: rare, random, and ruinous for training ({@code ScalarsTest} checks that the tensor form survives a GC). A tensor
 * made by PyTorch itself ({@code zeros}) is kept alive by autograd's reference. {@link #like} is for
 * the ops autograd does not save an operand of: {@code add}, {@code sub} and comparisons.
 *
 * <p>DJL's PyTorch engine turns a {@code Double} operand into a float64 tensor; with a 0-d float32
 * tensor (a loss value) PyTorch's type promotion then yields float64, so {@code loss.div(2.0)}
 * silently changes a float32 loss into float64. {@code loss.div(Scalars.like(loss, 2.0))} keeps the
 * tensor's own type (float32 or float64, so double-precision tests keep full precision).
 */
public final class Scalars {

    private Scalars() {}

    /**
     * {@code value} as a 0-d tensor of {@code x}'s type on {@code x}'s device, in memory PyTorch owns,
     * attached to {@code x}'s manager. Broadcasts like a number.
     */
    public static NDArray tensor(NDArray x, double value) {
        return x.getManager().zeros(new Shape(), x.getDataType(), x.getDevice()).addi(like(x, value)); // ()
    }

    /** {@code value} as a Float for float32 (and narrower) tensors, as a Double otherwise. */
    public static Number like(NDArray x, double value) {
        DataType t = x.getDataType();
        return t == DataType.FLOAT64 ? (Number) value : (Number) (float) value;
    }
}
