package org.priorkit.tasks.detection;

import org.priorkit.data.LoadedRecords;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.rsna.RsnaIndex;
import org.priorkit.data.rsna.RsnaRecord;
import org.priorkit.data.split.FractionSampler;
import org.priorkit.data.split.PatientSplitter;
import org.priorkit.data.split.SplitRatios;
import org.priorkit.data.split.Splits;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.dense.DenseData;

import java.nio.file.Path;
import java.util.List;

/**
 * The train / val / test box sets of one detection run: RSNA, split 6:2:2 by patientId (seeded),
 * positives only unless asked otherwise, the training split cut to the fraction (seeded, stratified
 * by target so a 1% sample of all images keeps positives). Val chooses the score threshold; test
 * is scored.
 *
 * @param train training images (the fraction)
 * @param val   validation images (score threshold)
 * @param test  test images (metrics)
 * @param trainSplitSize images in the whole training split before the fraction was taken
 */
public record DetectionData(BoxSet train, BoxSet val, BoxSet test, int trainSplitSize) {

    /** Reads RSNA under {@code dataRoot} (the synthetic root or the RSNA folder). */
    public static DetectionData load(Path dataRoot, DetectionConfig c, int imageSize) {
        return load(new TaskData(dataRoot), c, imageSize);
    }

    /** Reads RSNA under {@code data}'s root; real data may have up to its share of unreadable records. */
    public static DetectionData load(TaskData data, DetectionConfig c, int imageSize) {
        Path dir = DenseData.folder(data.root(), "rsna", RsnaIndex.LABELS);
        LoadedRecords<RsnaRecord> loaded = RsnaIndex.load(dir, RsnaIndex.Options.defaults().skipping(data.realData()));
        List<RsnaRecord> records = loaded.within(data.maxBad(), dir).stream().filter(r -> !c.positivesOnly() || r.target() == 1).toList();
        int maxBoxes = Math.max(1, records.stream().mapToInt(r -> r.boxes().size()).max().orElse(1));
        Splits<RsnaRecord> s = PatientSplitter.split(records, RsnaRecord::patientId, SplitRatios.PRIOR, c.seed());
        List<RsnaRecord> train = FractionSampler.sample(s.train(), c.fraction(), c.seed(), r -> Integer.toString(r.target()));
        ImageLoader images = ImageLoader.square(imageSize);
        int stride = CenterNetHead.STRIDE;
        return new DetectionData(new BoxSet(train, images, maxBoxes, stride, c.flip()),
                new BoxSet(s.val(), images, maxBoxes, stride, false), new BoxSet(s.test(), images, maxBoxes, stride, false),
                s.train().size());
    }
}
