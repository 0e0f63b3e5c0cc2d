package org.priorkit.data.chexpert;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The CheXpert 5x200 zero-shot set: a JSON object keyed "0", "1", ... whose values are
 * {@code {"image_path": "train/patient.../view1_frontal.jpg", "label": [0,1,0,0,0]}} (one-hot over
 * Atelectasis, Cardiomegaly, Consolidation, Edema, Pleural Effusion), paths relative to
 * CheXpert-v1.0-small/.
 *
 * <p>{@link #select} builds it from train.csv by peers' rule: frontal rows, blank read as 0, exactly
 * one competition label 1, the other four and eight other labels 0 ("No Finding" is free), then a
 * seeded sample of up to 200 per class.
 */
public final class Chexpert5x200 {

    public static final int PER_CLASS = 200;

    private Chexpert5x200() {}

    /** Reads the JSON; image paths are resolved against {@code smallDir} (CheXpert-v1.0-small). */
    public static LoadedRecords<FiveBy200Entry> read(Path json, Path smallDir, boolean checkImages,
                                              boolean skipBadRecords) {
        JsonObject root = parse(json);
        BadRecords bad = BadRecords.of(skipBadRecords);
        List<FiveBy200Entry> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(root.keySet());
        keys.sort(Comparator.comparingLong(Chexpert5x200::numericOrMax).thenComparing(k -> k));
        for (String key : keys) {
            try {
                FiveBy200Entry e = entry(json, key, root.get(key), smallDir);
                if (checkImages && !Files.isRegularFile(e.image())) {
                    throw new DataFormatException(json, "key \"" + key + "\", field image_path",
                            "image file not found: " + e.image());
                }
                out.add(e);
            } catch (DataFormatException e) {
                bad.handle(e);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("entries", (long) keys.size());
        for (String c : ChexpertClasses.COMPETITION) {
            counts.put(c, out.stream().filter(e -> e.className().equals(c)).count());
        }
        return new LoadedRecords<>(out, counts, bad);
    }

    private static JsonObject parse(Path json) {
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonObject()) {
                throw new DataFormatException(json, null, "expected a JSON object keyed \"0\", \"1\", ...");
            }
            return root.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new DataFormatException(json, null, "file not found");
        } catch (IOException | JsonParseException e) {
            throw new DataFormatException(json, null, "not valid JSON: " + e.getMessage(), e);
        }
    }

    private static FiveBy200Entry entry(Path json, String key, JsonElement value, Path smallDir) {
        String where = "key \"" + key + "\"";
        if (!value.isJsonObject()) {
            throw new DataFormatException(json, where, "expected {\"image_path\": ..., \"label\": [...]}");
        }
        JsonObject o = value.getAsJsonObject();
        JsonElement path = o.get("image_path");
        if (path == null || !path.isJsonPrimitive() || path.getAsString().isBlank()) {
            throw new DataFormatException(json, where + ", field image_path", "missing or not a string");
        }
        JsonElement label = o.get("label");
        if (label == null || !label.isJsonArray() || label.getAsJsonArray().size() != 5) {
            throw new DataFormatException(json, where + ", field label", "expected a one-hot array of 5");
        }
        JsonArray a = label.getAsJsonArray();
        int hot = -1;
        for (int i = 0; i < 5; i++) {
            double v;
            try {
                v = a.get(i).getAsDouble();
            } catch (RuntimeException e) {
                throw new DataFormatException(json, where + ", field label", "element " + i + " is not a number");
            }
            if (v == 1) {
                if (hot >= 0) {
                    throw new DataFormatException(json, where + ", field label", "more than one 1: " + a);
                }
                hot = i;
            } else if (v != 0) {
                throw new DataFormatException(json, where + ", field label", "values must be 0 or 1: " + a);
            }
        }
        if (hot < 0) {
            throw new DataFormatException(json, where + ", field label", "no class is 1: " + a);
        }
        String p = path.getAsString();
        return new FiveBy200Entry(key, p, smallDir.resolve(p), hot);
    }

    private static long numericOrMax(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Picks up to {@code perClass} rows per competition class by the 5x200 rule (see class doc),
     * seeded. Classes come in the competition order; rows keep CSV order inside a class. Keys are
     * numbered from "0". Fewer than {@code perClass} candidates: all of them are taken.
     */
    public static List<FiveBy200Entry> select(List<ChexpertRecord> records, int perClass, long seed) {
        Random random = new Random(seed);
        List<FiveBy200Entry> out = new ArrayList<>();
        for (int c = 0; c < ChexpertClasses.COMPETITION.size(); c++) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (matches(records.get(i), c)) {
                    candidates.add(i);
                }
            }
            Collections.shuffle(candidates, random);
            List<Integer> picked = new ArrayList<>(candidates.subList(0, Math.min(perClass, candidates.size())));
            Collections.sort(picked);
            for (int i : picked) {
                ChexpertRecord r = records.get(i);
                out.add(new FiveBy200Entry(String.valueOf(out.size()), underSmallDir(r.path()), r.image(), c));
            }
        }
        return out;
    }

    /** The 5x200 rule for class {@code c}: frontal, one-hot on c, eight others 0, blank = 0. */
    static boolean matches(ChexpertRecord r, int c) {
        if (!r.frontal()) {
            return false;
        }
        for (int k = 0; k < ChexpertClasses.COMPETITION.size(); k++) {
            if (valueOrZero(r, ChexpertClasses.COMPETITION.get(k)) != (k == c ? 1f : 0f)) {
                return false;
            }
        }
        for (String other : ChexpertClasses.FIVE_BY_200_OTHERS) {
            if (valueOrZero(r, other) != 0f) {
                return false;
            }
        }
        return true;
    }

    private static float valueOrZero(ChexpertRecord r, String c) {
        Float v = r.raw(c);
        return v == null ? 0f : v;
    }

    /** "CheXpert-v1.0-small/train/p/s/v.jpg" -> "train/p/s/v.jpg" (the JSON's convention). */
    static String underSmallDir(String csvPath) {
        int slash = csvPath.indexOf('/');
        return slash > 0 && csvPath.startsWith("CheXpert-v1.0") ? csvPath.substring(slash + 1) : csvPath;
    }

    /** Writes entries in PRIOR's JSON format, keyed by their keys. */
    public static void write(Path json, List<FiveBy200Entry> entries) throws IOException {
        JsonObject root = new JsonObject();
        for (FiveBy200Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("image_path", e.imagePath());
            JsonArray label = new JsonArray();
            for (int k = 0; k < 5; k++) {
                label.add(k == e.classIndex() ? 1 : 0);
            }
            o.add("label", label);
            root.add(e.key(), o);
        }
        Gson gson = new GsonBuilder().create();
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            gson.toJson(root, w);
        }
    }
}
