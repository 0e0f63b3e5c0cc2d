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
import org.priorkit.data.siim.Rle;

/**
 * Writes the SIIM-ACR Pneumothorax layout:
 * <pre>
 * siim/train-rle.csv    header "ImageId, EncodedPixels" (the space is the real quirk); rows "id, rle"
 * siim/dicom-images-train/{StudyInstanceUID}/{SeriesInstanceUID}/{ImageId}.dcm
 * </pre>
 * One RLE row per pneumothorax (a bilateral case has two rows, to be OR-ed), " -1" for an empty mask.
 * A configured fraction of the DICOMs is MONOCHROME1 (stored inverted).
 */
final class SiimWriter {

    static final String ROOT = "siim";
    static final String HEADER = "ImageId, EncodedPixels\n";

    private SiimWriter() {}

    private record Written(List<String> rows, JsonObject truth, boolean positive) {}

    /** Counts written and the truth lines. */
    record Result(int images, int positives, List<JsonObject> truth) {}

    static Result write(SyntheticConfig cfg, Path root) throws IOException {
        boolean[] positive = Shuffle.exactly(cfg.siimImages(), cfg.siimPositiveFraction(),
                new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 6)));
        List<Written> done = Parallel.map(cfg.siimImages(), i -> image(cfg, root, i, positive[i]));
        List<String> rows = new ArrayList<>(List.of(HEADER));
        List<JsonObject> truth = new ArrayList<>();
        int positives = 0;
        for (Written w : done) {
            rows.addAll(w.rows());
            truth.add(w.truth());
            positives += w.positive() ? 1 : 0;
        }
        Csv.write(root.resolve(ROOT).resolve("train-rle.csv"), rows);
        return new Result(done.size(), positives, truth);
    }

    static StudyCase caseOf(SyntheticConfig cfg, int i, boolean positive) {
        return CaseSampler.siim(new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.SIIM, i)), cfg, positive);
    }

    /** The pixels and truth of SIIM image {@code i} (tests re-draw it to check the files). */
    static RenderedImage render(SyntheticConfig cfg, int i, boolean positive) {
        return ImageRenderer.render(caseOf(cfg, i, positive), cfg.imageSize(), cfg.difficulty(),
                RandomStreams.of(RandomStreams.of(cfg.seed(), RandomStreams.SIIM, i), 0, 0));
    }

    private static Written image(SyntheticConfig cfg, Path root, int i, boolean positive) throws IOException {
        StudyCase c = caseOf(cfg, i, positive);
        RenderedImage img = render(cfg, i, positive);
        String imageId = Ids.siim(cfg.seed(), i, 4);
        String study = Ids.siim(cfg.seed(), i, 2), series = Ids.siim(cfg.seed(), i, 3);
        String rel = ROOT + "/dicom-images-train/" + study + "/" + series + "/" + imageId + ".dcm";
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        boolean mono1 = new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.SIIM, i) + 1).nextDouble()
                < cfg.siimMonochrome1Fraction();
        String patient = Ids.uuid(cfg.seed(), 1_000_000L + i);
        DicomWriter.write(file, new DicomWriter.Header(patient, patient, c.sex().substring(0, 1),
                String.format(Locale.ROOT, "%03dY", c.age()), study, series, imageId, c.view(), "19010101", mono1),
                img.pixels(), img.size(), img.size());
        List<String> rows = new ArrayList<>();
        for (Finding f : img.findings()) {
            if (f.spec().type() == FindingType.PNEUMOTHORAX && f.box() != null) {
                rows.add(imageId + ", " + Rle.encode(f.mask(), img.size(), img.size()) + "\n");
            }
        }
        boolean target = !rows.isEmpty();
        if (!target) {
            rows.add(imageId + ", -1\n");
        }
        JsonObject t = Truth.of("siim", i, rel, c, c.view(), cfg.imageSize(), img.findings());
        t.addProperty("ImageId", imageId);
        t.addProperty("monochrome1", mono1);
        return new Written(rows, t, target);
    }
}
