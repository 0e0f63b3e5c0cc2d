package org.priorkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Java numbers for arithmetic with a tensor, typed like that tensor.
 *
 * <p>DJL's PyTorch engine turns a {@code Double} operand into a float64 tensor; with a 0-d float32
 * tensor (a loss value) PyTorch's type promotion then yields float64, so {@code loss.div(2.0)}
 * silently changes a float32 loss into float64. {@code loss.div(Scalars.like(loss, 2.0))} keeps the
 * tensor's own type (float32 or float64, so double-precision tests keep full precision).
 */
public final class Scalars {

    private Scalars() {}

    /** {@code value} as a Float for float32 (and narrower) tensors, as a Double otherwise. */
    public static Number like(NDArray x, double value) {
        DataType t = x.getDataType();
        return t == DataType.FLOAT64 ? (Number) value : (Number) (float) value;
    }
}
