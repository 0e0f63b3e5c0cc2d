package org.priorkit.data.synth;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the MIMIC-CXR-JPG 2.0.0 tree (images and the four gzipped tables) and the MIMIC-CXR report files:
 * <pre>
 * mimic-cxr-jpg/2.0.0/files/p{XX}/p{subject_id}/s{study_id}/{dicom_id}.jpg
 * mimic-cxr-jpg/2.0.0/mimic-cxr-2.0.0-{metadata,split,chexpert,negbio}.csv.gz
 * mimic-cxr-reports/files/p{XX}/p{subject_id}/s{study_id}.txt
 * </pre>
 * Subjects have one to a few studies; every study has a frontal image, some a second frontal and some a
 * lateral (to be filtered out); about 5% of reports have no FINDINGS section. Splits are per subject.
 */
final class MimicWriter {

    static final String JPG_ROOT = "mimic-cxr-jpg/2.0.0";
    static final String REPORT_ROOT = "mimic-cxr-reports";
    static final String METADATA_HEADER = "dicom_id,subject_id,study_id,PerformedProcedureStepDescription,"
            + "ViewPosition,Rows,Columns,StudyDate,StudyTime,ProcedureCodeSequence_CodeMeaning,"
            + "ViewCodeSequence_CodeMeaning,PatientOrientationCodeSequence_CodeMeaning\n";

    private MimicWriter() {}

    /** One study of the plan: who, which split, and how many extra images. */
    private record Plan(int subjectId, int studyId, String split, boolean secondFrontal, boolean lateral) {}

    /** What one study contributes to the tables. */
    private record Written(List<String> metadata, List<String> split, String labels, List<JsonObject> truth,
                           int images, int sentences) {}

    /** Number of images and reports written, and how many reports have at least 4 sentences. */
    record Result(int studies, int images, int reportsWithFourSentences, List<JsonObject> truth) {}

    static Result write(SyntheticConfig cfg, Path root) throws IOException {
        List<Plan> plans = plan(cfg);
        List<Written> done = Parallel.map(plans.size(), k -> study(cfg, root, k, plans.get(k)));
        List<String> metadata = new ArrayList<>(List.of(METADATA_HEADER));
        List<String> split = new ArrayList<>(List.of("dicom_id,study_id,subject_id,split\n"));
        List<String> labels = new ArrayList<>(List.of(labelHeader()));
        List<JsonObject> truth = new ArrayList<>();
        int images = 0, four = 0;
        for (Written w : done) {
            metadata.addAll(w.metadata());
            split.addAll(w.split());
            labels.add(w.labels());
            truth.addAll(w.truth());
            images += w.images();
            four += w.sentences() >= 4 ? 1 : 0;
        }
        Path base = root.resolve(JPG_ROOT);
        Csv.writeGzip(base.resolve("mimic-cxr-2.0.0-metadata.csv.gz"), metadata);
        Csv.writeGzip(base.resolve("mimic-cxr-2.0.0-split.csv.gz"), split);
        Csv.writeGzip(base.resolve("mimic-cxr-2.0.0-chexpert.csv.gz"), labels);
        // The real negbio table comes from a second labeler; here both read the same generated report.
        Csv.writeGzip(base.resolve("mimic-cxr-2.0.0-negbio.csv.gz"), labels);
        return new Result(plans.size(), images, four, truth);
    }

    static String labelHeader() {
        StringBuilder b = new StringBuilder("subject_id,study_id");
        for (ChexpertLabel l : ChexpertLabel.values()) {
            b.append(',').append(l.column());
        }
        return b.append('\n').toString();
    }

    /** Groups studies into subjects and subjects into splits, sequentially from one seeded stream. */
    private static List<Plan> plan(SyntheticConfig cfg) {
        SplittableRandom rng = new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 1));
        List<Plan> plans = new ArrayList<>();
        int subjects = -1;
        String split = "train";
        for (int k = 0; k < cfg.mimicStudies(); k++) {
            if (k == 0 || rng.nextDouble() < 0.6) {
                subjects++;
                double u = rng.nextDouble();
                split = u < 0.9 ? "train" : u < 0.95 ? "validate" : "test";
            }
            plans.add(new Plan(Ids.mimicSubject(cfg.seed(), subjects), Ids.mimicStudy(cfg.seed(), k), split,
                    rng.nextDouble() < 0.05, rng.nextDouble() < cfg.lateralFraction()));
        }
        return plans;
    }

    private static Written study(SyntheticConfig cfg, Path root, int k, Plan p) throws IOException {
        long seed = RandomStreams.of(cfg.seed(), RandomStreams.MIMIC, k);
        SplittableRandom rng = new SplittableRandom(seed);
        StudyCase c = CaseSampler.general(rng, cfg, true);
        SplittableRandom words = new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.REPORT, k));
        Report report = ReportWriter.write(c, words, words.nextDouble() >= 0.05);
        String subject = "p" + p.subjectId();
        String folder = "p" + subject.substring(1, 3) + "/" + subject + "/s" + p.studyId();
        Path reportFile = root.resolve(REPORT_ROOT).resolve("files").resolve(folder + ".txt");
        Files.createDirectories(reportFile.getParent());
        Files.writeString(reportFile, report.text(c.view(), c.sex(), c.age(), ReportWriter.indication(words)),
                StandardCharsets.UTF_8);

        String date = String.format(Locale.ROOT, "21%02d%02d%02d", 10 + rng.nextInt(80), 1 + rng.nextInt(12),
                1 + rng.nextInt(28));
        String time = String.format(Locale.ROOT, "%02d%02d%02d.%03d", rng.nextInt(24), rng.nextInt(60),
                rng.nextInt(60), rng.nextInt(1000));
        List<String> views = new ArrayList<>(List.of(c.view()));
        if (p.secondFrontal()) {
            views.add(c.view());
        }
        if (p.lateral()) {
            views.add(rng.nextBoolean() ? "LATERAL" : "LL");
        }
        List<String> metadata = new ArrayList<>(), split = new ArrayList<>();
        List<JsonObject> truth = new ArrayList<>();
        String procedure = c.view().equals("AP") ? "CHEST (PORTABLE AP)" : "CHEST (PA AND LAT)";
        for (int j = 0; j < views.size(); j++) {
            String view = views.get(j);
            String dicomId = Ids.mimicDicom(cfg.seed(), 4L * k + j);
            String rel = JPG_ROOT + "/files/" + folder + "/" + dicomId + ".jpg";
            long imageSeed = RandomStreams.of(seed, 0, j);
            boolean frontal = view.equals("PA") || view.equals("AP");
            List<Finding> drawn = null;
            byte[] pixels;
            if (frontal) {
                RenderedImage img = ImageRenderer.render(c, cfg.imageSize(), cfg.difficulty(), imageSeed);
                pixels = img.pixels();
                drawn = img.findings();
            } else {
                pixels = LateralPainter.render(c, cfg.imageSize(), cfg.difficulty(), imageSeed);
            }
            Jpeg.write(root.resolve(rel), pixels, cfg.imageSize());
            String meaning = switch (view) {
                case "PA" -> "postero-anterior";
                case "AP" -> "antero-posterior";
                case "LL" -> "left lateral";
                default -> "lateral";
            };
            metadata.add(Csv.line(List.of(dicomId, "" + p.subjectId(), "" + p.studyId(), procedure, view,
                    "" + cfg.imageSize(), "" + cfg.imageSize(), date, time, procedure, meaning,
                    c.view().equals("AP") ? "Recumbent" : "Erect")));
            split.add(Csv.line(List.of(dicomId, "" + p.studyId(), "" + p.subjectId(), p.split())));
            JsonObject t = Truth.of("mimic-cxr-jpg", k, rel, c, view, cfg.imageSize(), drawn);
            t.addProperty("subject_id", p.subjectId());
            t.addProperty("study_id", p.studyId());
            t.addProperty("dicom_id", dicomId);
            t.addProperty("split", p.split());
            t.addProperty("report_path", REPORT_ROOT + "/files/" + folder + ".txt");
            Truth.labels(t, report.labels());
            Truth.report(t, report);
            truth.add(t);
        }
        List<String> row = new ArrayList<>(List.of("" + p.subjectId(), "" + p.studyId()));
        for (ChexpertLabel l : ChexpertLabel.values()) {
            row.add(Csv.label(report.labels().get(l)));
        }
        return new Written(metadata, split, Csv.line(row), truth, views.size(), report.sentences().size());
    }
}
