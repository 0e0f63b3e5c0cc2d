package org.priorkit.data.mimic;

import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.csv.CsvTable;
import org.priorkit.data.report.PriorText;
import org.priorkit.data.report.ReportSections;
import org.priorkit.data.report.SentenceSplitter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds PRIOR's pretraining pairs from MIMIC-CXR-JPG and the MIMIC-CXR reports:
 * metadata (frontal = PA/AP, one image per study by {@link FrontalChoice}) joined with the official
 * split, the CheXpert labels and the report's sentences; reports with fewer than
 * {@code minSentences} sentences are dropped as in the paper. Tables may be .csv.gz or .csv.
 */
public final class MimicIndex {

    /** The 14 labels in the column order of mimic-cxr-2.0.0-chexpert.csv. */
    public static final List<String> LABELS = List.of("Atelectasis", "Cardiomegaly", "Consolidation", "Edema",
            "Enlarged Cardiomediastinum", "Fracture", "Lung Lesion", "Lung Opacity", "No Finding",
            "Pleural Effusion", "Pleural Other", "Pneumonia", "Pneumothorax", "Support Devices");

    /**
     * @param layout where the data is
     * @param minSentences PRIOR uses {@link PriorText#MIN_SENTENCES} (4)
     * @param checkImages a pair whose .jpg is missing is a bad record
     * @param skipBadRecords skip and count bad rows, reports and images instead of failing
     */
    public record Options(MimicLayout layout, int minSentences, boolean checkImages, boolean skipBadRecords) {

        public Options {
            Objects.requireNonNull(layout, "layout");
            if (minSentences < 1) {
                throw new IllegalArgumentException("minSentences must be >= 1, got " + minSentences);
            }
        }

        /** PRIOR's settings, failing on the first bad record. */
        public static Options prior(MimicLayout layout) {
            return new Options(layout, PriorText.MIN_SENTENCES, true, false);
        }

        public Options skipping(boolean skip) {
            return new Options(layout, minSentences, checkImages, skip);
        }
    }

    private MimicIndex() {}

    public static LoadedRecords<MimicPair> load(Options options) {
        MimicLayout layout = options.layout();
        BadRecords bad = BadRecords.of(options.skipBadRecords());
        Map<String, Long> counts = new LinkedHashMap<>();

        Map<Long, List<MimicImage>> byStudy = new LinkedHashMap<>();
        Path metadata = CsvTable.resolve(layout.jpgRoot(), MimicLayout.METADATA);
        counts.put("metadata rows", CsvTable.forEach(metadata,
                List.of("dicom_id", "subject_id", "study_id", "ViewPosition"), bad, row -> {
                    MimicImage m = new MimicImage(row.required("dicom_id"), row.longValue("subject_id"),
                            row.longValue("study_id"), row.text("ViewPosition"));
                    byStudy.computeIfAbsent(m.studyId(), k -> new ArrayList<>()).add(m);
                }));

        Map<String, String> splitOf = new HashMap<>();
        Path split = CsvTable.resolve(layout.jpgRoot(), MimicLayout.SPLIT);
        CsvTable.forEach(split, List.of("dicom_id", "split"), bad, row -> {
            String s = row.required("split");
            if (!MimicPair.SPLITS.contains(s)) {
                throw row.error("split", "'" + s + "' is not one of train, validate, test");
            }
            splitOf.put(row.required("dicom_id"), s);
        });

        Map<Long, Map<String, Float>> labelsOf = new HashMap<>();
        Path chexpert = CsvTable.resolve(layout.jpgRoot(), MimicLayout.CHEXPERT);
        List<String> labelColumns = new ArrayList<>(List.of("study_id"));
        labelColumns.addAll(LABELS);
        CsvTable.forEach(chexpert, labelColumns, bad, row -> {
            Map<String, Float> labels = new LinkedHashMap<>();
            for (String c : LABELS) {
                Float v = row.labelOrBlank(c);
                if (v != null) {
                    labels.put(c, v);
                }
            }
            labelsOf.put(row.longValue("study_id"), labels);
        });

        List<MimicImage> chosen = new ArrayList<>();
        long lateralOnly = 0;
        for (List<MimicImage> images : byStudy.values()) {
            Optional<MimicImage> c = FrontalChoice.choose(images);
            if (c.isPresent()) {
                chosen.add(c.get());
            } else {
                lateralOnly++;
            }
        }
        counts.put("studies", (long) byStudy.size());
        counts.put("studies without a frontal (PA/AP) image", lateralOnly);

        SentenceSplitter splitter = new SentenceSplitter();
        // Reading ~200k small report files dominates; do it in parallel, keeping the study order.
        List<Outcome> outcomes = chosen.parallelStream().map(image -> {
            try {
                return pair(image, layout, splitOf, labelsOf, splitter, options);
            } catch (DataFormatException e) {
                bad.handle(e);
                return null;
            }
        }).filter(Objects::nonNull).toList();
        List<MimicPair> pairs = outcomes.stream().map(Outcome::pair).filter(Objects::nonNull).toList();
        counts.put("reports shorter than " + options.minSentences() + " sentences",
                outcomes.stream().filter(o -> o.pair() == null).count());
        return new LoadedRecords<>(pairs, counts, bad);
    }

    /** A study's result: its pair, or null when the report is too short (bad ones throw). */
    private record Outcome(MimicPair pair) {}

    private static Outcome pair(MimicImage image, MimicLayout layout, Map<String, String> splitOf,
                                            Map<Long, Map<String, Float>> labelsOf, SentenceSplitter splitter,
                                            Options options) {
        String split = splitOf.get(image.dicomId());
        Path jpg = layout.image(image.subjectId(), image.studyId(), image.dicomId());
        if (split == null) {
            throw new DataFormatException(CsvTable.resolve(layout.jpgRoot(), MimicLayout.SPLIT), null,
                    "no row for dicom_id " + image.dicomId() + " (study " + image.studyId() + ")");
        }
        if (options.checkImages() && !Files.isRegularFile(jpg)) {
            throw new DataFormatException(jpg, null, "image file not found (dicom_id " + image.dicomId() + ")");
        }
        ReportSections report = ReportSections.read(layout.report(image.subjectId(), image.studyId()));
        List<String> sentences = PriorText.sentences(report, splitter);
        if (!PriorText.longEnough(sentences, options.minSentences())) {
            return new Outcome(null);
        }
        return new Outcome(new MimicPair(image.dicomId(), image.subjectId(), image.studyId(), jpg, split,
                sentences, labelsOf.getOrDefault(image.studyId(), Map.of())));
    }
}
