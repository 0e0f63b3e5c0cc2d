package org.priorkit.weights;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Files written by {@code torch.save} read without Python: the zip format (PyTorch 1.6 and later:
 * {@code <name>/data.pkl} plus one entry per storage) and the legacy format before it (a pickle
 * sequence followed by the raw storages), as Hugging Face's older {@code pytorch_model.bin} files are.
 * The pickle ({@link Unpickler}) is only read, never run; tensors arrive as {@link TorchTensor}s.
 *
 * <p>{@link #stateDict} finds the name-to-tensor map inside: the file's top level (a model's
 * {@code state_dict()}), or the {@code state_dict} entry of a PyTorch Lightning checkpoint.
 */
public final class TorchFile {

    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16); // torch/serialization.py
    private static final Map<String, String> STORAGE_TYPES = Map.of(
            "FloatStorage", "float32", "DoubleStorage", "float64", "HalfStorage", "float16",
            "BFloat16Storage", "bfloat16", "LongStorage", "int64", "IntStorage", "int32",
            "ShortStorage", "int16", "CharStorage", "int8", "ByteStorage", "uint8", "BoolStorage", "bool");

    private TorchFile() {}

    /** The whole pickled object of {@code file}, tensors as {@link TorchTensor}s. */
    public static Object read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no file at " + file);
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new IOException(file + " is too short to be a torch.save file");
            }
        }
        try {
            return head[0] == 'P' && head[1] == 'K' ? readZip(file) : readLegacy(file);
        } catch (UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable torch.save file: " + e.getMessage(), e);
        }
    }

    /**
     * The state dict in {@code file}: its top level when every value there is a tensor, else the
     * {@code state_dict} entry (PyTorch Lightning). Names keep their order.
     */
    public static Map<String, TorchTensor> stateDict(Path file) throws IOException {
        Object top = read(file);
        Map<String, TorchTensor> direct = tensorsOnly(top);
        if (direct != null) {
            return direct;
        }
        if (top instanceof Map<?, ?> m && tensorsOnly(m.get("state_dict")) != null) {
            return tensorsOnly(m.get("state_dict"));
        }
        String found = top instanceof Map<?, ?> m ? "a dict with keys " + m.keySet() : String.valueOf(top);
        throw new IOException(file + " holds no state dict (a dict of tensors, or one under \"state_dict\"): found "
                + (found.length() > 200 ? found.substring(0, 200) + "..." : found));
    }

    private static Map<String, TorchTensor> tensorsOnly(Object o) {
        if (!(o instanceof Map<?, ?> m) || m.isEmpty()) {
            return null;
        }
        Map<String, TorchTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof TorchTensor t)) {
                return null;
            }
            out.put(k, t);
        }
        return out;
    }

    private static Object readZip(Path file) throws IOException {
        String prefix;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pickle = zip.stream().filter(e -> e.getName().endsWith("data.pkl")).findFirst()
                    .orElseThrow(() -> new IOException("zip without a data.pkl entry"));
            prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            ZipEntry order = zip.getEntry(prefix + "byteorder");
            if (order != null && !new String(zip.getInputStream(order).readAllBytes()).trim().equals("little")) {
                throw new IOException("big-endian tensors are not supported");
            }
            Map<String, TorchTensor.Storage> storages = new HashMap<>();
            try (InputStream in = new BufferedInputStream(zip.getInputStream(pickle))) {
                // storages are read when a tensor is first copied out, so a checkpoint's optimizer state
                // costs nothing unless asked for
                return new Unpickler(in, pid -> storage(pid, storages, key -> () -> entry(file, prefix + "data/" + key)),
                        TorchFile::rebuild).load();
            }
        }
    }

    private static byte[] entry(Path file, String name) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException("storage " + name + " is missing from the zip");
            }
            try (InputStream s = zip.getInputStream(entry)) {
                return s.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
        }
    }

    /**
     * The format before PyTorch 1.6: magic number, protocol, system info and the object as pickles,
     * then the list of storage keys as a pickle, then each storage as an 8-byte element count and
     * its bytes, in that list's order.
     */
    private static Object readLegacy(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Object magic = new Unpickler(in, null, null).load();
            if (!LEGACY_MAGIC.equals(magic)) {
                throw new IOException("neither a zip nor a legacy torch.save file (no magic number)");
            }
            new Unpickler(in, null, null).load();                  // protocol version
            Object info = new Unpickler(in, null, null).load();    // system info
            if (info instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("little_endian"))) {
                throw new IOException("big-endian tensors are not supported");
            }
            Map<String, TorchTensor.Storage> storages = new HashMap<>();
            Map<String, byte[]> bytes = new HashMap<>();
            Object top = new Unpickler(in, pid -> storage(pid, storages, key -> () -> bytes.get(key)),
                    TorchFile::rebuild).load();
            Object keys = new Unpickler(in, null, null).load();
            for (Object key : (List<?>) keys) {
                TorchTensor.Storage s = storages.get((String) key);
                long count = Long.reverseBytes(in.readLong());
                byte[] data = new byte[Math.toIntExact(count * TorchTensor.elementBytes(s.dtype()))];
                in.readFully(data);
                bytes.put((String) key, data);
            }
            return top;
        }
    }

    /**
     * A persistent id ('storage', type, key, location, numel[, view]) as a storage; a legacy view
     * (view key, element offset, size) becomes a {@link View}.
     */
    private static Object storage(Object pid, Map<String, TorchTensor.Storage> storages,
                                  Function<String, Supplier<byte[]>> reader) {
        if (!(pid instanceof List<?> t) || t.size() < 5 || !"storage".equals(t.get(0))
                || !(t.get(1) instanceof Unpickler.Global type)) {
            throw new IllegalArgumentException("unknown persistent id " + pid);
        }
        String dtype = STORAGE_TYPES.get(type.name());
        if (dtype == null) {
            throw new IllegalArgumentException("storage type " + type.qualifiedName() + " is not supported");
        }
        String key = String.valueOf(t.get(2));
        TorchTensor.Storage s = storages.computeIfAbsent(key, k -> new TorchTensor.Storage(dtype, reader.apply(k)));
        if (t.size() > 5 && t.get(5) instanceof List<?> view) {
            return new View(s, (Long) view.get(1));
        }
        return s;
    }

    /** A legacy storage view: the root storage from an element offset on. */
    private record View(TorchTensor.Storage root, long offset) {}

    /** torch's tensor rebuild calls; everything else stays a pickled object. */
    private static Object rebuild(Unpickler.Global g, List<Object> args) {
        return switch (g.qualifiedName()) {
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" -> {
                long extra = 0;
                TorchTensor.Storage s;
                if (args.get(0) instanceof View v) {
                    s = v.root();
                    extra = v.offset();
                } else {
                    s = (TorchTensor.Storage) args.get(0);
                }
                yield new TorchTensor(s, extra + (Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
            }
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> args.get(0);
            default -> Unpickler.NOT_MINE;
        };
    }

    private static long[] longs(Object tuple) {
        return ((List<?>) tuple).stream().mapToLong(o -> (Long) o).toArray();
    }
}
