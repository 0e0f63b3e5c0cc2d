package org.priorkit.data.synth;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.priorkit.data.dicom.DicomWriter;

/**
 * Writes the RSNA Pneumonia Detection layout:
 * <pre>
 * rsna/stage_2_train_labels.csv          patientId,x,y,width,height,Target (one row per box; blank box if 0)
 * rsna/stage_2_detailed_class_info.csv   patientId,class (one row per labels row, as the real file)
 * rsna/stage_2_train_images/{patientId}.dcm
 * </pre>
 * Each pneumonia focus is one box: the tight box of its pixel mask, as pixel floats ("264.0").
 */
final class RsnaWriter {

    static final String ROOT = "rsna";
    static final String LABELS_HEADER = "patientId,x,y,width,height,Target\n";
    static final String CLASS_HEADER = "patientId,class\n";

    private RsnaWriter() {}

    private record Written(List<String> labels, List<String> classes, JsonObject truth, boolean positive) {}

    /** Counts written and the truth lines. */
    record Result(int images, int positives, List<JsonObject> truth) {}

    static Result write(SyntheticConfig cfg, Path root) throws IOException {
        boolean[] positive = Shuffle.exactly(cfg.rsnaImages(), cfg.rsnaPositiveFraction(),
                new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 5)));
        Files.createDirectories(root.resolve(ROOT).resolve("stage_2_train_images"));
        List<Written> done = Parallel.map(cfg.rsnaImages(), i -> image(cfg, root, i, positive[i]));
        List<String> labels = new ArrayList<>(List.of(LABELS_HEADER)), classes = new ArrayList<>(List.of(CLASS_HEADER));
        List<JsonObject> truth = new ArrayList<>();
        int positives = 0;
        for (Written w : done) {
            labels.addAll(w.labels());
            classes.addAll(w.classes());
            truth.add(w.truth());
            positives += w.positive() ? 1 : 0;
        }
        Csv.write(root.resolve(ROOT).resolve("stage_2_train_labels.csv"), labels);
        Csv.write(root.resolve(ROOT).resolve("stage_2_detailed_class_info.csv"), classes);
        return new Result(done.size(), positives, truth);
    }

    /** The case and pixels of RSNA image {@code i} (tests re-draw it to check the files). */
    static RenderedImage render(SyntheticConfig cfg, int i, boolean positive) {
        return ImageRenderer.render(caseOf(cfg, i, positive), cfg.imageSize(), cfg.difficulty(),
                RandomStreams.of(RandomStreams.of(cfg.seed(), RandomStreams.RSNA, i), 0, 0));
    }

    static StudyCase caseOf(SyntheticConfig cfg, int i, boolean positive) {
        return CaseSampler.rsna(new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.RSNA, i)), cfg, positive);
    }

    private static Written image(SyntheticConfig cfg, Path root, int i, boolean positive) throws IOException {
        StudyCase c = caseOf(cfg, i, positive);
        RenderedImage img = render(cfg, i, positive);
        String id = Ids.uuid(cfg.seed(), i);
        String rel = ROOT + "/stage_2_train_images/" + id + ".dcm";
        DicomWriter.write(root.resolve(rel), new DicomWriter.Header(id, id, c.sex().substring(0, 1),
                String.format(Locale.ROOT, "%03dY", c.age()), "1.2.826.0.1.3680043.8.498." + (10000 + i) + ".1",
                "1.2.826.0.1.3680043.8.498." + (10000 + i) + ".2", "1.2.826.0.1.3680043.8.498." + (10000 + i) + ".3",
                c.view(), "19010101", false), img.pixels(), img.size(), img.size());
        List<String> labels = new ArrayList<>();
        for (Finding f : img.findings()) {
            if (f.spec().type() == FindingType.PNEUMONIA && f.box() != null) {
                Box b = f.box();
                labels.add(Csv.line(List.of(id, num(b.x()), num(b.y()), num(b.width()), num(b.height()), "1")));
            }
        }
        boolean target = !labels.isEmpty();
        if (!target) {
            labels.add(Csv.line(List.of(id, "", "", "", "", "0")));
        }
        String cls = target ? "Lung Opacity" : c.findings().isEmpty() ? "Normal" : "No Lung Opacity / Not Normal";
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            classes.add(Csv.line(List.of(id, cls)));
        }
        JsonObject t = Truth.of("rsna", i, rel, c, c.view(), cfg.imageSize(), img.findings());
        t.addProperty("patientId", id);
        t.addProperty("class", cls);
        return new Written(labels, classes, t, target);
    }

    private static String num(int v) {
        return v + ".0";
    }
}
