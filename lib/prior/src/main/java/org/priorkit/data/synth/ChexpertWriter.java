package org.priorkit.data.synth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes CheXpert-v1.0-small (train.csv, valid.csv, frontal JPEGs) and PRIOR's 5x200 JSON:
 * <pre>
 * chexpert/CheXpert-v1.0-small/{train,valid}.csv
 * chexpert/CheXpert-v1.0-small/{train,valid}/patient{NNNNN}/study{N}/view1_frontal.jpg
 * chexpert/chexpert_5x200.json
 * </pre>
 * Train labels are read off a generated (unwritten) report, so they have blanks and -1 like the real
 * labeler's; valid labels are a "radiologist consensus": explicit 1.0/0.0 from the truth. As in the real
 * set, the 5x200 images are selected from train rows: a seeded choice of train rows is drawn with exactly
 * one competition finding so that the selection always finds enough.
 */
final class ChexpertWriter {

    static final String ROOT = "chexpert";
    static final String SMALL = "CheXpert-v1.0-small";
    static final String FIVE_BY_200 = "chexpert_5x200.json";

    private ChexpertWriter() {}

    private record Row(String csv, Map<ChexpertLabel, Double> labels, String path, JsonObject truth) {}

    /** Counts written and the truth lines. */
    record Result(int train, int valid, int fiveBy200, List<JsonObject> truth) {}

    static String header() {
        StringBuilder b = new StringBuilder("Path,Sex,Age,Frontal/Lateral,AP/PA");
        for (ChexpertLabel l : ChexpertLabel.CHEXPERT_ORDER) {
            b.append(',').append(l.column());
        }
        return b.append('\n').toString();
    }

    static Result write(SyntheticConfig cfg, Path root) throws IOException {
        FindingType[] designated = designate(cfg);
        int[] trainPatient = patients(cfg.chexpertTrain(), new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 2)), 0);
        int firstValid = cfg.chexpertTrain() == 0 ? 1 : trainPatient[2 * cfg.chexpertTrain() - 2] + 1;
        int[] validPatient = patients(cfg.chexpertValid(), new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 3)),
                firstValid - 1);
        List<Row> train = Parallel.map(cfg.chexpertTrain(), i -> row(cfg, root, "train", i, trainPatient,
                designated[i]));
        List<Row> valid = Parallel.map(cfg.chexpertValid(), i -> row(cfg, root, "valid", i, validPatient, null));
        Path base = root.resolve(ROOT).resolve(SMALL);
        Csv.write(base.resolve("train.csv"), lines(train));
        Csv.write(base.resolve("valid.csv"), lines(valid));
        JsonObject five = fiveBy200(train, cfg.fiveBy200PerClass());
        Files.writeString(root.resolve(ROOT).resolve(FIVE_BY_200), five.toString(), StandardCharsets.UTF_8);
        List<JsonObject> truth = new ArrayList<>();
        train.forEach(r -> truth.add(r.truth()));
        valid.forEach(r -> truth.add(r.truth()));
        return new Result(train.size(), valid.size(), five.size(), truth);
    }

    /** Which train rows are drawn as single-label rows, and with which class (null for general rows). */
    private static FindingType[] designate(SyntheticConfig cfg) {
        int n = cfg.chexpertTrain();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 4));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        FindingType[] out = new FindingType[n];
        for (int k = 0; k < 5 * cfg.fiveBy200PerClass(); k++) {
            out[order[k]] = FindingType.COMPETITION[k % 5];
        }
        return out;
    }

    /** Patient and study numbers of each row: pairs (patient, study), patients numbered from {@code start+1}. */
    private static int[] patients(int n, SplittableRandom rng, int start) {
        int[] ps = new int[2 * n];
        int patient = start, study = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || rng.nextDouble() < 0.7) {
                patient++;
                study = 0;
            }
            study++;
            ps[2 * i] = patient;
            ps[2 * i + 1] = study;
        }
        return ps;
    }

    private static Row row(SyntheticConfig cfg, Path root, String split, int i, int[] patients,
                           FindingType single) throws IOException {
        boolean train = split.equals("train");
        long seed = RandomStreams.of(cfg.seed(), train ? RandomStreams.CHEXPERT_TRAIN : RandomStreams.CHEXPERT_VALID, i);
        SplittableRandom rng = new SplittableRandom(seed);
        StudyCase c = single != null ? CaseSampler.single(rng, cfg, single) : CaseSampler.general(rng, cfg, train);
        Map<ChexpertLabel, Double> labels = train
                ? ReportWriter.write(c, new SplittableRandom(RandomStreams.of(seed, 1, 0)), true).labels()
                : consensus(c);
        String rel = String.format(java.util.Locale.ROOT, "%s/patient%05d/study%d/view1_frontal.jpg", split,
                patients[2 * i], patients[2 * i + 1]);
        RenderedImage img = ImageRenderer.render(c, cfg.imageSize(), cfg.difficulty(), RandomStreams.of(seed, 0, 0));
        Jpeg.write(root.resolve(ROOT).resolve(SMALL).resolve(rel), img.pixels(), cfg.imageSize());
        List<String> fields = new ArrayList<>(List.of(SMALL + "/" + rel, c.sex(), "" + c.age(), "Frontal", c.view()));
        for (ChexpertLabel l : ChexpertLabel.CHEXPERT_ORDER) {
            fields.add(Csv.label(labels.get(l)));
        }
        JsonObject t = Truth.of("chexpert-" + split, i, ROOT + "/" + SMALL + "/" + rel, c, c.view(), cfg.imageSize(),
                img.findings());
        t.addProperty("single_label", single != null);
        Truth.labels(t, labels);
        return new Row(Csv.line(fields), labels, rel, t);
    }

    /** Valid-set labels: every column explicit, 1.0 where the truth has it. */
    static Map<ChexpertLabel, Double> consensus(StudyCase c) {
        Map<ChexpertLabel, Double> labels = new EnumMap<>(ChexpertLabel.class);
        for (ChexpertLabel l : ChexpertLabel.values()) {
            labels.put(l, 0.0);
        }
        for (FindingSpec f : c.findings()) {
            labels.put(f.type().column(), 1.0);
            if (f.type() == FindingType.PNEUMONIA) {
                labels.put(ChexpertLabel.LUNG_OPACITY, 1.0);
            }
        }
        if (c.device() != Device.NONE) {
            labels.put(ChexpertLabel.SUPPORT_DEVICES, 1.0);
        }
        if (c.findings().isEmpty()) {
            labels.put(ChexpertLabel.NO_FINDING, 1.0);
        }
        return labels;
    }

    /**
     * The 5x200 selection as the real file was made: train rows where exactly one competition label is 1
     * and the other competition labels and the eight other observations (all but No Finding) are 0 or blank;
     * the first {@code perClass} such rows of each class, keyed "0", "1", ... class by class.
     */
    static JsonObject fiveBy200(List<Row> train, int perClass) {
        JsonObject out = new JsonObject();
        int key = 0;
        for (int c = 0; c < 5; c++) {
            ChexpertLabel wanted = FindingType.COMPETITION[c].column();
            int found = 0;
            for (int i = 0; i < train.size() && found < perClass; i++) {
                if (singleLabel(train.get(i).labels()) == wanted) {
                    JsonObject item = new JsonObject();
                    item.addProperty("image_path", train.get(i).path());
                    JsonArray onehot = new JsonArray();
                    for (int k = 0; k < 5; k++) {
                        onehot.add(k == c ? 1 : 0);
                    }
                    item.add("label", onehot);
                    out.add(Integer.toString(key++), item);
                    found++;
                }
            }
            if (found < perClass) {
                throw new IllegalStateException("only " + found + " single-label rows of " + wanted.column());
            }
        }
        return out;
    }

    /** The one positive competition label of a row that qualifies for 5x200, else null. */
    static ChexpertLabel singleLabel(Map<ChexpertLabel, Double> labels) {
        ChexpertLabel positive = null;
        for (ChexpertLabel l : ChexpertLabel.values()) {
            Double v = labels.get(l);
            boolean zero = v == null || v == 0.0;
            if (l == ChexpertLabel.NO_FINDING || zero) {
                continue;
            }
            boolean competition = false;
            for (FindingType t : FindingType.COMPETITION) {
                competition |= t.column() == l;
            }
            if (!competition || v != 1.0 || positive != null) {
                return null;
            }
            positive = l;
        }
        return positive;
    }

    private static List<String> lines(List<Row> rows) {
        List<String> out = new ArrayList<>(List.of(header()));
        rows.forEach(r -> out.add(r.csv()));
        return out;
    }
}
