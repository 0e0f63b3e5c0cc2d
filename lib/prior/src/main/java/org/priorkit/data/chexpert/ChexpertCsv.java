package org.priorkit.data.chexpert;

import org.priorkit.data.BadRecords;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.csv.CsvRow;
import org.priorkit.data.csv.CsvTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CheXpert's train.csv or valid.csv. The Path column (CheXpert-v1.0-small/train/...) is
 * resolved against the folder CONTAINING CheXpert-v1.0-small, i.e. the CSV's grandparent.
 */
public final class ChexpertCsv {

    public static final String PATH = "Path";
    public static final String SEX = "Sex";
    public static final String AGE = "Age";
    public static final String VIEW = "Frontal/Lateral";
    public static final String AP_PA = "AP/PA";

    /**
     * @param frontalOnly keep only Frontal rows (the paper's downstream sets are frontal)
     * @param checkImages a row whose image file is missing is a bad record
     * @param skipBadRecords skip bad rows with a count instead of failing
     */
    public record Options(boolean frontalOnly, boolean checkImages, boolean skipBadRecords) {

        /** Frontal only, images checked, fail on the first bad row. */
        public static Options defaults() {
            return new Options(true, true, false);
        }

        public Options skipping(boolean skip) {
            return new Options(frontalOnly, checkImages, skip);
        }
    }

    private ChexpertCsv() {}

    /** Reads {@code csv}; images are looked up under {@code csv}'s grandparent. */
    public static LoadedRecords<ChexpertRecord> read(Path csv, Options options) {
        Path parent = csv.toAbsolutePath().getParent();
        Path base = parent.getParent() == null ? parent : parent.getParent();
        return read(csv, base, options);
    }

    /** Reads {@code csv}; the Path column is resolved against {@code base}. */
    public static LoadedRecords<ChexpertRecord> read(Path csv, Path base, Options options) {
        List<String> required = new ArrayList<>(List.of(PATH, SEX, AGE, VIEW, AP_PA));
        required.addAll(ChexpertClasses.ALL);
        BadRecords bad = BadRecords.of(options.skipBadRecords());
        List<ChexpertRecord> out = new ArrayList<>();
        long[] lateral = {0};
        long rows = CsvTable.forEach(csv, required, bad, row -> {
            ChexpertRecord r = parse(row, base);
            if (options.frontalOnly() && !r.frontal()) {
                lateral[0]++;
                return;
            }
            if (options.checkImages() && !Files.isRegularFile(r.image())) {
                throw row.error(PATH, "image file not found: " + r.image());
            }
            out.add(r);
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", rows);
        counts.put("lateral rows left out", lateral[0]);
        return new LoadedRecords<>(out, counts, bad);
    }

    static ChexpertRecord parse(CsvRow row, Path base) {
        String path = row.required(PATH);
        Path relative = Path.of(path);
        if (relative.isAbsolute() || path.contains("..")) {
            throw row.error(PATH, "'" + path + "' must be a relative path inside the data set");
        }
        String view = row.required(VIEW);
        if (!view.equals("Frontal") && !view.equals("Lateral")) {
            throw row.error(VIEW, "'" + view + "' is neither Frontal nor Lateral");
        }
        int age = (int) row.longValue(AGE);
        Map<String, Float> labels = new LinkedHashMap<>();
        for (String c : ChexpertClasses.ALL) {
            Float v = row.labelOrBlank(c);
            if (v != null) {
                labels.put(c, v);
            }
        }
        return new ChexpertRecord(path, base.resolve(relative), patientOf(relative), row.text(SEX), age,
                view.equals("Frontal"), row.text(AP_PA), labels);
    }

    /** The folder two levels above the file: .../patient00001/study1/view1_frontal.jpg. */
    static String patientOf(Path relative) {
        int n = relative.getNameCount();
        return n >= 3 ? relative.getName(n - 3).toString() : relative.toString();
    }
}
