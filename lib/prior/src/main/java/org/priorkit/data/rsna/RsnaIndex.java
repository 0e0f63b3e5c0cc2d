package org.priorkit.data.rsna;

import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.csv.CsvRow;
import org.priorkit.data.csv.CsvTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the RSNA Pneumonia Detection labels: stage_2_train_labels.csv (one row per box, box fields
 * blank when Target is 0) grouped into one record per patient, joined with
 * stage_2_detailed_class_info.csv.
 */
public final class RsnaIndex {

    public static final String LABELS = "stage_2_train_labels.csv";
    public static final String CLASS_INFO = "stage_2_detailed_class_info.csv";
    public static final String IMAGES = "stage_2_train_images";
    private static final List<String> BOX = List.of("x", "y", "width", "height");

    /**
     * @param imageExtension "dcm" for the real set; tests use "png"
     * @param checkImages a patient whose image file is missing is a bad record
     * @param skipBadRecords skip bad rows/patients with a count instead of failing
     */
    public record Options(String imageExtension, boolean checkImages, boolean skipBadRecords) {

        public static Options defaults() {
            return new Options("dcm", true, false);
        }

        public Options skipping(boolean skip) {
            return new Options(imageExtension, checkImages, skip);
        }
    }

    /** The rows of one patient while grouping. */
    private record Rows(long firstLine, int target, List<RsnaBox> boxes) {}

    private RsnaIndex() {}

    /** Reads the two CSVs in {@code dir} (the folder holding them and stage_2_train_images/). */
    public static LoadedRecords<RsnaRecord> load(Path dir, Options options) {
        Path labels = dir.resolve(LABELS);
        BadRecords bad = BadRecords.of(options.skipBadRecords());
        Map<String, Rows> byPatient = new LinkedHashMap<>();
        // A patient with any bad row is dropped whole: keeping its other boxes would silently
        // teach the detector that the missing box is background.
        Set<String> broken = new HashSet<>();
        List<String> columns = new ArrayList<>(List.of("patientId", "Target"));
        columns.addAll(BOX);
        long rows = CsvTable.forEach(labels, columns, bad, row -> {
            String id = row.text("patientId");
            try {
                addRow(row, byPatient);
            } catch (DataFormatException e) {
                broken.add(id);
                throw e;
            }
        });

        Map<String, String> classOf = new HashMap<>();
        CsvTable.forEach(dir.resolve(CLASS_INFO), List.of("patientId", "class"), bad,
                row -> classOf.put(row.required("patientId"), row.required("class")));

        List<RsnaRecord> out = new ArrayList<>();
        for (var e : byPatient.entrySet()) {
            String id = e.getKey();
            Path image = dir.resolve(IMAGES).resolve(id + "." + options.imageExtension());
            try {
                if (broken.contains(id)) {
                    continue;  // its bad row was already reported
                }
                if (options.checkImages() && !Files.isRegularFile(image)) {
                    throw new DataFormatException(image, null, "image file not found (patientId " + id + ")");
                }
                out.add(new RsnaRecord(id, image, e.getValue().target(), e.getValue().boxes(),
                        classOf.getOrDefault(id, "")));
            } catch (DataFormatException ex) {
                bad.handle(ex);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("label rows", rows);
        counts.put("patients", (long) byPatient.size());
        counts.put("patients with pneumonia", out.stream().filter(r -> r.target() == 1).count());
        return new LoadedRecords<>(out, counts, bad);
    }

    private static void addRow(CsvRow row, Map<String, Rows> byPatient) {
        String id = row.required("patientId");
        int target = target(row);
        Rows seen = byPatient.computeIfAbsent(id, k -> new Rows(row.line(), target, new ArrayList<>()));
        if (seen.target() != target) {
            throw row.error("Target", "patient " + id + " has Target " + seen.target() + " on line "
                    + seen.firstLine() + " but " + target + " here");
        }
        if (target == 1) {
            seen.boxes().add(box(row));
        } else if (BOX.stream().anyMatch(c -> !row.text(c).isEmpty())) {
            throw row.error("x", "Target 0 rows must leave x, y, width, height blank");
        }
    }

    private static int target(CsvRow row) {
        long t = row.longValue("Target");
        if (t != 0 && t != 1) {
            throw row.error("Target", "'" + row.text("Target") + "' is not 0 or 1");
        }
        return (int) t;
    }

    private static RsnaBox box(CsvRow row) {
        float x = row.floatValue("x");
        float y = row.floatValue("y");
        float w = row.floatValue("width");
        float h = row.floatValue("height");
        try {
            return new RsnaBox(x, y, w, h);
        } catch (IllegalArgumentException e) {
            throw row.error("x", e.getMessage());
        }
    }
}
