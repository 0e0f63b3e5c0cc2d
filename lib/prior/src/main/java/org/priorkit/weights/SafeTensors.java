package org.priorkit.weights;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hugging Face's {@code .safetensors} files: an 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}}, plus an optional {@code __metadata__}), then the
 * tensors' bytes, little-endian and row-major. Read into the same {@link TorchTensor}s as
 * {@link TorchFile}, so both formats load the same way.
 */
public final class SafeTensors {

    private static final Map<String, String> DTYPES = Map.of(
            "F64", "float64", "F32", "float32", "F16", "float16", "BF16", "bfloat16", "I64", "int64",
            "I32", "int32", "I16", "int16", "I8", "int8", "U8", "uint8", "BOOL", "bool");

    private SafeTensors() {}

    /** Every tensor of {@code file}, in the header's order. */
    public static Map<String, TorchTensor> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 1 || 8 + headerLength > channel.size() || headerLength > 100_000_000) {
                throw new IOException(file + " is not a safetensors file (header length " + headerLength + ")");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8);
            JsonObject json;
            try {
                json = JsonParser.parseString(new String(header.array(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new IOException(file + ": the safetensors header is not a JSON object (" + e.getMessage() + ")");
            }
            long dataStart = 8 + headerLength;
            long dataLength = channel.size() - dataStart;
            Map<String, TorchTensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                out.put(e.getKey(), tensor(file, e.getKey(), e.getValue().getAsJsonObject(), channel, dataStart, dataLength));
            }
            return out;
        }
    }

    private static TorchTensor tensor(Path file, String name, JsonObject spec, FileChannel channel, long dataStart,
                                      long dataLength) throws IOException {
        String dtype = DTYPES.get(spec.get("dtype").getAsString());
        if (dtype == null) {
            throw new IOException(file + ": tensor " + name + " has type " + spec.get("dtype") + ", not supported");
        }
        long[] shape = new long[spec.getAsJsonArray("shape").size()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = spec.getAsJsonArray("shape").get(d).getAsLong();
        }
        long begin = spec.getAsJsonArray("data_offsets").get(0).getAsLong();
        long end = spec.getAsJsonArray("data_offsets").get(1).getAsLong();
        long expected = TorchTensor.numel(shape) * TorchTensor.elementBytes(dtype);
        if (begin < 0 || end > dataLength || end - begin != expected) {
            throw new IOException(file + ": tensor " + name + " has offsets [" + begin + ", " + end + ") for "
                    + expected + " bytes in a data section of " + dataLength);
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(expected));
        readFully(channel, bytes, dataStart + begin);
        long[] stride = new long[shape.length];
        for (int d = shape.length - 1, step = 1; d >= 0; step *= (int) shape[d], d--) {
            stride[d] = step;
        }
        return new TorchTensor(new TorchTensor.Storage(dtype, bytes::array), 0, shape, stride);
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, at + into.position()) < 0) {
                throw new IOException("file ends early");
            }
        }
    }
}
