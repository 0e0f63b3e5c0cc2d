package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.priorkit.config.PriorConfig;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A training checkpoint: one zip file holding {@code meta.json} (where training stands, and the
 * whole {@link PriorConfig} of the run, so the checkpoint opens without knowing its preset) and
 * {@code tensors.npz} (model weights under their PyTorch-style names, optimizer moments under
 * {@code optim/...}). NumPy reads the inner npz as it is.
 *
 * <p>Written atomically: the bytes go to a temporary file in the same folder, are forced to disk,
 * and the temporary file is renamed over the target. A run killed at any moment leaves either the
 * old checkpoint or the new one, never half of one.
 */
public final class Checkpoint {

    private static final String META = "meta.json";
    private static final String TENSORS = "tensors.npz";
    private static final String OPTIM_PREFIX = "optim/";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * Where training stands. {@code stage} is 0-based; {@code stepInStage} counts optimizer steps
     * done in that stage; {@code finished} marks the checkpoint written at a stage's end.
     * {@code config} is the run's whole config, sized to its vocabulary; checkpoints written before
     * it was saved have only the preset's name (then null here, see {@link #configOrPreset()}).
     */
    public record State(int stage, String stageName, long stepInStage, long totalStepsInStage,
                        long globalStep, long seed, boolean finished, String preset, PriorConfig config) {

        /** The saved config, or for an older checkpoint the named preset's (its vocabulary size is the preset's). */
        public PriorConfig configOrPreset() {
            return config != null ? config : PriorConfig.preset(preset);
        }
    }

    /** What {@link #read} returns; the arrays belong to the manager given to it. */
    public record Contents(State state, Map<String, NDArray> model, Map<String, NDArray> optimizer) {}

    private Checkpoint() {}

    /** Writes the checkpoint to {@code file} atomically (see the class comment). */
    public static void write(Path file, State state, Map<String, NDArray> model, Map<String, NDArray> optimizer)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        NDList tensors = new NDList();
        model.forEach((name, a) -> tensors.add(named(a, name)));
        optimizer.forEach((name, a) -> tensors.add(named(a, OPTIM_PREFIX + name)));
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry(META));
                zip.write(GSON.toJson(state).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(TENSORS));
                // streamed, not built in memory: the paper preset's model and optimizer state pass 2 GB
                tensors.encode(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the npz writer closes its stream; the checkpoint's zip stays open
                    }
                }, NDList.Encoding.NPZ);
                zip.closeEntry();
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true); // on disk before the rename makes it visible
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static NDArray named(NDArray a, String name) {
        NDArray copy = a.duplicate(); // do not rename the live parameter array
        copy.setName(name);
        return copy;
    }

    /**
     * The meta data. A config this version cannot build (a field added or renamed since it was
     * written) is dropped: the checkpoint then opens with its preset, like the older ones.
     */
    static State state(String json) {
        JsonObject meta = JsonParser.parseString(json).getAsJsonObject();
        PriorConfig config = null;
        if (meta.has("config")) {
            try {
                config = GSON.fromJson(meta.remove("config"), PriorConfig.class);
            } catch (RuntimeException unreadable) {
                config = null;
            }
        }
        State s = GSON.fromJson(meta, State.class);
        return new State(s.stage(), s.stageName(), s.stepInStage(), s.totalStepsInStage(), s.globalStep(), s.seed(),
                s.finished(), s.preset(), config);
    }

    /** Only where a checkpoint stands and its config, without reading its tensors. */
    public static State readState(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (META.equals(e.getName())) {
                    return state(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException("checkpoint " + file + " is damaged: " + e.getMessage(), e);
        }
        throw new IOException("checkpoint " + file + " is not a PRIOR kit checkpoint (no " + META + ")");
    }

    /** Reads a checkpoint; a damaged or foreign file is an error that names it. */
    public static Contents read(NDManager manager, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + file + " does not exist");
        }
        State state = null;
        NDList tensors = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] bytes = zip.readAllBytes();
                if (META.equals(e.getName())) {
                    state = state(new String(bytes, StandardCharsets.UTF_8));
                } else if (TENSORS.equals(e.getName())) {
                    tensors = NDList.decode(manager, bytes);
                }
            }
        } catch (IOException | JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException("checkpoint " + file + " is damaged: " + e.getMessage(), e);
        }
        if (state == null || tensors == null) {
            throw new IOException("checkpoint " + file + " is incomplete or not a PRIOR kit checkpoint (needs "
                    + META + " and " + TENSORS + ")");
        }
        Map<String, NDArray> model = new LinkedHashMap<>();
        Map<String, NDArray> optim = new LinkedHashMap<>();
        for (NDArray a : tensors) {
            String name = a.getName();
            if (name.endsWith(".npy")) {
                name = name.substring(0, name.length() - 4);
            }
            if (name.startsWith(OPTIM_PREFIX)) {
                optim.put(name.substring(OPTIM_PREFIX.length()), a);
            } else {
                model.put(name, a);
            }
        }
        return new Contents(state, model, optim);
    }
}
