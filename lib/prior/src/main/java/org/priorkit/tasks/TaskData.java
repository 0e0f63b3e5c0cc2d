package org.priorkit.tasks;

import org.priorkit.data.chexpert.Chexpert5x200;
import org.priorkit.data.chexpert.ChexpertCsv;
import org.priorkit.data.chexpert.ChexpertRecord;
import org.priorkit.data.chexpert.FiveBy200Entry;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.data.rsna.RsnaIndex;
import org.priorkit.data.rsna.RsnaRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the downstream data sets live under a data root, and their records. A root is either the
 * synthetic tree ({@code chexpert/CheXpert-v1.0-small}, {@code chexpert/chexpert_5x200.json},
 * {@code rsna/}, {@code mimic-cxr-jpg/}) or a folder that holds the real sets the same way; the
 * lookups also accept the set's own folder as the root (as {@code data.Verify} does).
 *
 * @param root the data root
 */
public record TaskData(Path root) {

    public TaskData {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("data root " + root + " is not a folder");
        }
    }

    /** The CheXpert-v1.0-small folder (holding train.csv and valid.csv). */
    public Path chexpertDir() {
        return first("CheXpert-v1.0-small", "chexpert/CheXpert-v1.0-small");
    }

    /** CheXpert train.csv, frontal rows, images checked. */
    public List<ChexpertRecord> chexpertTrain() {
        return ChexpertCsv.read(chexpertDir().resolve("train.csv"), ChexpertCsv.Options.defaults()).records();
    }

    /** CheXpert's official valid.csv (the test set of the paper's protocol), frontal rows. */
    public List<ChexpertRecord> chexpertValid() {
        return ChexpertCsv.read(chexpertDir().resolve("valid.csv"), ChexpertCsv.Options.defaults()).records();
    }

    /** The 5x200 zero-shot set; image paths resolve against CheXpert-v1.0-small next to the JSON. */
    public List<FiveBy200Entry> fiveBy200() {
        Path json = first("chexpert_5x200.json", "chexpert/chexpert_5x200.json");
        return Chexpert5x200.read(json, json.toAbsolutePath().getParent().resolve("CheXpert-v1.0-small"),
                true, false).records();
    }

    /** The RSNA folder (stage_2_train_labels.csv and stage_2_train_images/). */
    public Path rsnaDir() {
        return first(RsnaIndex.LABELS, "rsna/" + RsnaIndex.LABELS).getParent();
    }

    /** RSNA patients (one image each) with Target and boxes; images are .dcm. */
    public List<RsnaRecord> rsna() {
        return RsnaIndex.load(rsnaDir(), RsnaIndex.Options.defaults()).records();
    }

    /** MIMIC-CXR pairs by PRIOR's rules (frontal, >= 4 sentences), all official splits. */
    public List<MimicPair> mimicPairs() {
        return MimicIndex.load(MimicIndex.Options.prior(MimicLayout.find(root))).records();
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
