package org.priorkit.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A tensor as {@code torch.save} stores it: a view (offset, sizes, strides in elements) into a
 * storage's little-endian bytes, which several tensors may share. {@link #toNDArray} copies the view
 * out in row-major order. float16 and bfloat16 arrive as float32 (DJL's PyTorch engine computes in it);
 * other types keep theirs.
 *
 * @param storage the storage (its bytes are read when the tensor is first copied out)
 * @param offset  the view's first element in the storage
 */
public record TorchTensor(Storage storage, long offset, long[] shape, long[] stride) {

    /**
     * A storage: its element type (PyTorch's name, e.g. "float32", "float16", "int64", see
     * {@link #elementBytes}) and its little-endian bytes, read on first use.
     */
    public static final class Storage {
        private final String dtype;
        private final Supplier<byte[]> reader;
        private byte[] bytes;

        public Storage(String dtype, Supplier<byte[]> reader) {
            elementBytes(dtype); // rejects an unknown type early
            this.dtype = dtype;
            this.reader = reader;
        }

        public String dtype() {
            return dtype;
        }

        byte[] bytes() {
            if (bytes == null) {
                bytes = reader.get();
            }
            return bytes;
        }
    }

    public TorchTensor {
        if (shape.length != stride.length) {
            throw new IllegalArgumentException("tensor has " + shape.length + " sizes but " + stride.length + " strides");
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0 || stride[d] < 0 || offset < 0) {
                throw new IllegalArgumentException("negative size, stride or offset: " + Arrays.toString(shape) + " / "
                        + Arrays.toString(stride) + " at " + offset);
            }
        }
    }

    public String dtype() {
        return storage.dtype();
    }

    /** Bytes per element of a PyTorch dtype name. */
    public static int elementBytes(String dtype) {
        return switch (dtype) {
            case "float64", "int64" -> 8;
            case "float32", "int32" -> 4;
            case "float16", "bfloat16", "int16" -> 2;
            case "int8", "uint8", "bool" -> 1;
            default -> throw new IllegalArgumentException("tensor type " + dtype + " is not supported");
        };
    }

    public Shape djlShape() {
        return new Shape(shape);
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** The view's elements, row-major, as an array on {@code manager}'s device. */
    public NDArray toNDArray(NDManager manager) {
        String dtype = dtype();
        int width = elementBytes(dtype);
        byte[] packed = packed(storage.bytes(), width);
        return switch (dtype) {
            case "float16", "bfloat16" -> manager.create(widenToFloat32(packed), djlShape());
            default -> manager.create(ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN), djlShape(), djlType());
        };
    }

    private DataType djlType() {
        return switch (dtype()) {
            case "float64" -> DataType.FLOAT64;
            case "float32" -> DataType.FLOAT32;
            case "int64" -> DataType.INT64;
            case "int32" -> DataType.INT32;
            case "int16" -> DataType.INT16;
            case "int8" -> DataType.INT8;
            case "uint8" -> DataType.UINT8;
            case "bool" -> DataType.BOOLEAN;
            default -> throw new IllegalStateException(dtype());
        };
    }

    /** The view's bytes in row-major order (a plain copy when the view is contiguous). */
    private byte[] packed(byte[] storage, int width) {
        int n = Math.toIntExact(numel(shape));
        byte[] out = new byte[Math.multiplyExact(n, width)];
        if (n == 0) {
            return out;
        }
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            last += (shape[d] - 1) * stride[d];
        }
        if ((last + 1) * width > storage.length) {
            throw new IllegalArgumentException("tensor view " + Arrays.toString(shape) + " at offset " + offset
                    + " runs past its storage of " + storage.length / width + " elements");
        }
        if (contiguous()) {
            System.arraycopy(storage, Math.toIntExact(offset * width), out, 0, out.length);
            return out;
        }
        long[] index = new long[shape.length];
        for (int i = 0; i < n; i++) {
            long element = offset;
            for (int d = 0; d < shape.length; d++) {
                element += index[d] * stride[d];
            }
            System.arraycopy(storage, Math.toIntExact(element * width), out, i * width, width);
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return out;
    }

    private boolean contiguous() {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    private float[] widenToFloat32(byte[] packed) {
        ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[packed.length / 2];
        boolean brain = dtype().equals("bfloat16");
        for (int i = 0; i < out.length; i++) {
            int bits = b.getShort() & 0xffff;
            out[i] = brain ? Float.intBitsToFloat(bits << 16) : halfToFloat(bits);
        }
        return out;
    }

    /** IEEE 754 binary16 to float (JDK 17 has no Float.float16ToFloat). */
    static float halfToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {                                    // inf or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {                                       // zero or subnormal: mantissa * 2^-24
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
