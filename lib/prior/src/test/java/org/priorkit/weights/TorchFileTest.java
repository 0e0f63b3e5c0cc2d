package org.priorkit.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * torch.save's zip and legacy formats and safetensors, on files Debian's PyTorch wrote
 * (src/test/python/published_weights.py fixtures): every dtype, views sharing one storage (a transpose,
 * an offset window), a parameter, a scalar, and a Lightning checkpoint around a state dict.
 */
class TorchFileTest {

    static Path resource(String name) {
        try {
            return Path.of(TorchFileTest.class.getResource("/weights/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource weights/" + name
                    + " (src/test/python/published_weights.py fixtures)", e);
        }
    }

    private static JsonObject json(String name) throws IOException {
        return JsonParser.parseString(Files.readString(resource(name))).getAsJsonObject();
    }

    /** Every tensor equals PyTorch's values (as doubles) with its shape; float16/bfloat16 arrive as float32. */
    private static void assertAsPyTorch(Map<String, TorchTensor> tensors, JsonObject expected, Set<String> names) {
        assertEquals(names, tensors.keySet());
        try (NDManager m = NDManager.newBaseManager()) {
            for (String name : names) {
                JsonObject e = expected.getAsJsonObject(name);
                NDArray a = tensors.get(name).toNDArray(m);
                long[] shape = stream(e.getAsJsonArray("shape"));
                assertArrayEquals(shape, a.getShape().getShape(), name + " shape");
                String dtype = e.has("dtype") ? e.get("dtype").getAsString() : "float32";
                DataType want = switch (dtype) {
                    case "float64" -> DataType.FLOAT64;
                    case "float32", "float16", "bfloat16" -> DataType.FLOAT32;
                    case "int64" -> DataType.INT64;
                    case "int32" -> DataType.INT32;
                    case "uint8" -> DataType.UINT8;
                    case "bool" -> DataType.BOOLEAN;
                    default -> throw new AssertionError(dtype);
                };
                assertEquals(want, a.getDataType(), name + " type");
                double[] values = e.getAsJsonArray("values").asList().stream().mapToDouble(JsonElement::getAsDouble).toArray();
                NDArray asDouble = a.getDataType() == DataType.BOOLEAN ? a.toType(DataType.INT32, false) : a;
                double[] got = Arrays.stream(asDouble.toType(DataType.FLOAT64, false).toDoubleArray()).toArray();
                assertArrayEquals(values, got, 0.0, name + " values");
            }
        }
    }

    private static long[] stream(JsonArray a) {
        return a.asList().stream().mapToLong(JsonElement::getAsLong).toArray();
    }

    private static final Set<String> ALL = Set.of("matrix", "transposed", "window", "float64", "float16", "bfloat16",
            "int64", "int32", "uint8", "bool", "scalar", "parameter");

    @Test
    void zipFormatReadsEveryTypeAndView() throws IOException {
        assertAsPyTorch(TorchFile.stateDict(resource("formats.pth")), json("formats.json"), ALL);
    }

    @Test
    void legacyFormatReadsTheSame() throws IOException {
        assertAsPyTorch(TorchFile.stateDict(resource("formats_legacy.pth")), json("formats.json"), ALL);
    }

    @Test
    void safetensorsReadTheSame() throws IOException {
        Set<String> names = new java.util.HashSet<>(ALL);
        names.removeAll(Set.of("transposed", "window")); // safetensors has no views
        assertAsPyTorch(SafeTensors.read(resource("formats.safetensors")), json("formats.json"), names);
    }

    @Test
    void lightningCheckpointGivesItsStateDictAndKeepsUnknownObjectsAsData() throws IOException {
        Path ckpt = resource("lightning.ckpt");
        assertAsPyTorch(TorchFile.stateDict(ckpt), json("lightning.json"),
                Set.of("image_encoder.encoder.conv1.weight", "global_image_projection.weight", "logit_scale"));
        Map<?, ?> top = (Map<?, ?>) TorchFile.read(ckpt);
        assertEquals(99L, top.get("epoch"));
        assertEquals(123456789012L, top.get("global_step"), "LONG1 past 32 bits");
        Map<?, ?> hyper = (Map<?, ?>) top.get("hyper_parameters");
        Unpickler.PickledObject model = assertInstanceOf(Unpickler.PickledObject.class, hyper.get("model"));
        assertEquals("__main__.HyperParameters", model.type().qualifiedName());
        assertEquals(Map.of("embed_dim", 8L, "optim", "adamw"), model.state(), "the object's __dict__, nothing run");
        assertEquals(Set.of("a", "b"), hyper.get("tags"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) hyper.get("raw"));
        List<?> groups = (List<?>) ((Map<?, ?>) ((List<?>) top.get("optimizer_states")).get(0)).get("param_groups");
        assertEquals(List.of(0.9, 0.999), ((Map<?, ?>) groups.get(0)).get("betas"), "tuple of floats");
    }

    @Test
    void badFilesSayWhatAndWhere(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pth"), "not a tensor file");
        IOException e = assertThrows(IOException.class, () -> TorchFile.stateDict(text));
        assertTrue(e.getMessage().startsWith(text + " is not a readable torch.save file"), e.getMessage());

        byte[] whole = Files.readAllBytes(resource("formats_legacy.pth"));
        Path cut = Files.write(dir.resolve("cut.pth"), Arrays.copyOf(whole, whole.length / 2));
        e = assertThrows(IOException.class, () -> TorchFile.read(cut));
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());

        e = assertThrows(IOException.class, () -> TorchFile.stateDict(dir.resolve("missing.pth")));
        assertTrue(e.getMessage().contains("missing.pth"), e.getMessage());

        Path safe = Files.write(dir.resolve("bad.safetensors"), new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0, '{'});
        e = assertThrows(IOException.class, () -> SafeTensors.read(safe));
        assertTrue(e.getMessage().contains("not a safetensors file"), e.getMessage());
    }

    @Test
    void halfPrecisionEdgeCases() {
        assertEquals(1.0f, TorchTensor.halfToFloat(0x3c00));
        assertEquals(-2.0f, TorchTensor.halfToFloat(0xc000));
        assertEquals(65504f, TorchTensor.halfToFloat(0x7bff), "largest half");
        assertEquals(0x1p-24f, TorchTensor.halfToFloat(0x0001), "smallest subnormal");
        assertEquals(Float.POSITIVE_INFINITY, TorchTensor.halfToFloat(0x7c00));
        assertTrue(Float.isNaN(TorchTensor.halfToFloat(0x7e00)));
        assertEquals(-0.0f, TorchTensor.halfToFloat(0x8000));
    }
}
