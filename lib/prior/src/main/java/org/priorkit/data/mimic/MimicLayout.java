package org.priorkit.data.mimic;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where MIMIC-CXR-JPG 2.0.0 and the MIMIC-CXR reports put things.
 *
 * @param jpgRoot the folder holding files/ and mimic-cxr-2.0.0-*.csv.gz (…/mimic-cxr-jpg/2.0.0)
 * @param reportsRoot the folder holding the reports' files/ (…/mimic-cxr-reports)
 */
public record MimicLayout(Path jpgRoot, Path reportsRoot) {

    public static final String METADATA = "mimic-cxr-2.0.0-metadata";
    public static final String SPLIT = "mimic-cxr-2.0.0-split";
    public static final String CHEXPERT = "mimic-cxr-2.0.0-chexpert";

    /**
     * Finds both roots from a data folder: either the folder containing {@code mimic-cxr-jpg/2.0.0}
     * and {@code mimic-cxr-reports} (the kit's tree), or {@code mimic-cxr-jpg/2.0.0} itself, with the
     * reports then looked up two levels up. Nothing is checked here; the loader reports what is missing.
     */
    public static MimicLayout find(Path dir) {
        Path jpg = dir.resolve("mimic-cxr-jpg/2.0.0");
        if (Files.isDirectory(jpg)) {
            return new MimicLayout(jpg, dir.resolve("mimic-cxr-reports"));
        }
        if (Files.isDirectory(dir.resolve("2.0.0"))) {
            return new MimicLayout(dir.resolve("2.0.0"), dir.resolveSibling("mimic-cxr-reports"));
        }
        Path up = dir.toAbsolutePath().getParent();
        Path top = up == null || up.getParent() == null ? dir : up.getParent();
        return new MimicLayout(dir, top.resolve("mimic-cxr-reports"));
    }

    /** files/p10/p10000032/s50414267/{dicomId}.jpg */
    public Path image(long subjectId, long studyId, String dicomId) {
        return jpgRoot.resolve(patientFolder(subjectId)).resolve("s" + studyId).resolve(dicomId + ".jpg");
    }

    /** files/p10/p10000032/s50414267.txt */
    public Path report(long subjectId, long studyId) {
        return reportsRoot.resolve(patientFolder(subjectId)).resolve("s" + studyId + ".txt");
    }

    private static Path patientFolder(long subjectId) {
        String id = Long.toString(subjectId);
        return Path.of("files", "p" + id.substring(0, Math.min(2, id.length())), "p" + id);
    }
}
