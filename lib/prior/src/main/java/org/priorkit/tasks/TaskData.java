package org.priorkit.tasks;

import org.priorkit.data.LoadedRecords;
import org.priorkit.data.chexpert.Chexpert5x200;
import org.priorkit.data.chexpert.ChexpertCsv;
import org.priorkit.data.chexpert.ChexpertRecord;
import org.priorkit.data.chexpert.FiveBy200Entry;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.data.rsna.RsnaIndex;
import org.priorkit.data.rsna.RsnaRecord;
import org.priorkit.data.synth.SyntheticGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the downstream data sets live under a data root, and their records. A root is either the
 * synthetic tree ({@code chexpert/CheXpert-v1.0-small}, {@code chexpert/chexpert_5x200.json},
 * {@code rsna/}, {@code mimic-cxr-jpg/}) or a folder that holds the real sets the same way; the
 * lookups also accept the set's own folder as the root (as {@code data.Verify} does).
 *
 * @param root   the data root
 * @param maxBad real data only: the share of records (rows, reports, images) that may be unreadable and
 *               skipped, counted and listed before loading stops with an error ({@code kit <task> --max-bad})
 */
public record TaskData(Path root, double maxBad) {

    public TaskData {
        if (!(maxBad >= 0 && maxBad <= 1)) {
            throw new IllegalArgumentException("--max-bad must be between 0 and 1 (0% and 100%), got " + maxBad);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("data root " + root + " is not a folder");
        }
    }

    /** The data under {@code root} with the default share of unreadable records ({@link LoadedRecords#DEFAULT_MAX_BAD}). */
    public TaskData(Path root) {
        this(root, LoadedRecords.DEFAULT_MAX_BAD);
    }

    /** The CheXpert-v1.0-small folder (holding train.csv and valid.csv). */
    public Path chexpertDir() {
        return first("CheXpert-v1.0-small", "chexpert/CheXpert-v1.0-small");
    }

    /** CheXpert train.csv, frontal rows, images checked. */
    public List<ChexpertRecord> chexpertTrain() {
        Path csv = chexpertDir().resolve("train.csv");
        return ChexpertCsv.read(csv, ChexpertCsv.Options.defaults().skipping(realData())).within(maxBad, csv);
    }

    /** CheXpert's official valid.csv (the test set of the paper's protocol), frontal rows. */
    public List<ChexpertRecord> chexpertValid() {
        Path csv = chexpertDir().resolve("valid.csv");
        return ChexpertCsv.read(csv, ChexpertCsv.Options.defaults().skipping(realData())).within(maxBad, csv);
    }

    /** The 5x200 zero-shot set; image paths resolve against CheXpert-v1.0-small next to the JSON. */
    public List<FiveBy200Entry> fiveBy200() {
        Path json = first("chexpert_5x200.json", "chexpert/chexpert_5x200.json");
        return Chexpert5x200.read(json, json.toAbsolutePath().getParent().resolve("CheXpert-v1.0-small"),
                true, realData()).within(maxBad, json);
    }

    /** The RSNA folder (stage_2_train_labels.csv and stage_2_train_images/). */
    public Path rsnaDir() {
        return first(RsnaIndex.LABELS, "rsna/" + RsnaIndex.LABELS).getParent();
    }

    /** RSNA patients (one image each) with Target and boxes; images are .dcm. */
    public List<RsnaRecord> rsna() {
        return RsnaIndex.load(rsnaDir(), RsnaIndex.Options.defaults().skipping(realData())).within(maxBad, rsnaDir());
    }

    /** MIMIC-CXR pairs by PRIOR's rules (frontal, >= 4 sentences), all official splits. */
    public List<MimicPair> mimicPairs() {
        return MimicIndex.load(MimicIndex.Options.prior(MimicLayout.find(root)).skipping(realData())).within(maxBad, root);
    }

    /**
     * Real data (no synthetic truth file under the root): its unreadable records are skipped, counted and
     * listed, up to {@link #maxBad()}. The synthetic set is read strictly: a bad record there is a bug.
     */
    public boolean realData() {
        return isRealData(root);
    }

    /** Whether {@code root} holds real data rather than the kit's synthetic set. */
    public static boolean isRealData(Path root) {
        return !SyntheticGenerator.isComplete(root);
    }

    private Path first(String... candidates) {
        for (String c : candidates) {
            Path p = root.resolve(c);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("none of " + String.join(", ", candidates) + " under " + root);
    }
}
