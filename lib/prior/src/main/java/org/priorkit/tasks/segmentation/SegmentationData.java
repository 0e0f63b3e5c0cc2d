package org.priorkit.tasks.segmentation;

import org.priorkit.data.LoadedRecords;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.rsna.RsnaIndex;
import org.priorkit.data.rsna.RsnaRecord;
import org.priorkit.data.siim.SiimIndex;
import org.priorkit.data.siim.SiimRecord;
import org.priorkit.data.split.FractionSampler;
import org.priorkit.data.split.PatientSplitter;
import org.priorkit.data.split.SplitRatios;
import org.priorkit.data.split.Splits;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.dense.DenseData;

import java.nio.file.Path;
import java.util.List;

/**
 * The train / val / test mask sets of one segmentation run.
 *
 * <p>Splits are 6:2:2 (PRIOR's ratios) by PATIENT and seeded. SIIM's train-rle.csv has no patient
 * id (only the DICOM headers carry one), so SIIM is split by ImageId: one image per patient is the
 * usual reading of that CSV, and the synthetic set writes exactly one image per patient. RSNA is
 * split by patientId (one image each). Only the training split is cut to the fraction (seeded,
 * {@link FractionSampler}); val and test stay whole so 1%, 10% and 100% runs are scored on the
 * same images.
 *
 * @param train training images (the fraction)
 * @param val   validation images (not used for training; reported for model selection by callers)
 * @param test  test images, where Dice is measured
 * @param trainSplitSize images in the whole training split before the fraction was taken
 */
public record SegmentationData(MaskSet train, MaskSet val, MaskSet test, int trainSplitSize) {

    /** Reads SIIM or RSNA under {@code dataRoot} (the synthetic root or the set's own folder). */
    public static SegmentationData load(Path dataRoot, SegmentationConfig c, int imageSize) {
        return load(new TaskData(dataRoot), c, imageSize);
    }

    /** Reads SIIM or RSNA under {@code data}'s root; real data may have up to its share of unreadable records. */
    public static SegmentationData load(TaskData data, SegmentationConfig c, int imageSize) {
        ImageLoader images = ImageLoader.square(imageSize);
        if (c.dataset() == SegmentationConfig.Dataset.SIIM) {
            Path dir = DenseData.folder(data.root(), "siim", SiimIndex.CSV);
            LoadedRecords<SiimRecord> loaded = SiimIndex.load(dir, SiimIndex.Options.defaults().skipping(data.realData()));
            List<SiimRecord> records = loaded.within(data.maxBad(), dir).stream().filter(r -> !c.positivesOnly() || r.positive()).toList();
            Splits<SiimRecord> s = PatientSplitter.split(records, SiimRecord::imageId, SplitRatios.PRIOR, c.seed());
            return new SegmentationData(MaskSet.siim(FractionSampler.sample(s.train(), c.fraction(), c.seed()), images),
                    MaskSet.siim(s.val(), images), MaskSet.siim(s.test(), images), s.train().size());
        }
        Path dir = DenseData.folder(data.root(), "rsna", RsnaIndex.LABELS);
        LoadedRecords<RsnaRecord> loaded = RsnaIndex.load(dir, RsnaIndex.Options.defaults().skipping(data.realData()));
        List<RsnaRecord> records = loaded.within(data.maxBad(), dir).stream().filter(r -> !c.positivesOnly() || r.target() == 1).toList();
        Splits<RsnaRecord> s = PatientSplitter.split(records, RsnaRecord::patientId, SplitRatios.PRIOR, c.seed());
        // Stratified by target so a 1% sample of "all images" keeps some positives.
        List<RsnaRecord> train = FractionSampler.sample(s.train(), c.fraction(), c.seed(), r -> Integer.toString(r.target()));
        return new SegmentationData(MaskSet.rsnaBoxes(train, images), MaskSet.rsnaBoxes(s.val(), images),
                MaskSet.rsnaBoxes(s.test(), images), s.train().size());
    }
}
