package org.priorkit.train;

import com.google.gson.Gson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training metrics as JSON lines ({@code metrics.jsonl}): one object per logged step with the
 * stage, step, learning rate, images/s and every loss term. Notebooks read it back with
 * {@link #read} to plot loss curves. Appends, so a resumed run continues the same file.
 */
public final class MetricsLog implements AutoCloseable {

    private static final Gson GSON = new Gson();
    private final BufferedWriter out;

    public MetricsLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes one line and flushes it, so a killed run loses no logged step. */
    public void log(Map<String, Object> row) {
        try {
            out.write(GSON.toJson(row));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics log", e);
        }
    }

    /** All rows of a metrics file, numbers as doubles. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int line = 0;
        for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            try {
                rows.add(GSON.fromJson(s, LinkedHashMap.class));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + line + ": not a JSON object: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * Drops the rows logged after {@code globalStep} (and a line a kill cut short): a run resumed
     * from a checkpoint at that step logs those steps again.
     */
    public static void truncateAfter(Path file, long globalStep) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                Map<?, ?> row = GSON.fromJson(s, Map.class);
                if (row != null && ((Number) row.get("step")).longValue() <= globalStep) {
                    kept.add(s);
                }
            } catch (RuntimeException e) {
                // a partial line from a killed run: drop it
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
