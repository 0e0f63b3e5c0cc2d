package org.priorkit.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.rsna.RsnaDataset;
import org.priorkit.data.rsna.RsnaRecord;
import org.priorkit.data.siim.SiimDataset;
import org.priorkit.data.siim.SiimRecord;
import org.priorkit.train.SampleSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Images with a binary mask each, as batch rows {@code [image (1, H, W), mask (1, H, W)]}: SIIM's
 * RLE masks (nearest-resized with the image), or RSNA's boxes filled as rectangles (a pixel is
 * inside when its centre is).
 */
public final class MaskSet implements SampleSource<SegmentationBatch> {

    private final List<String> ids;
    private final RandomAccessDataset dataset;
    private final boolean fromBoxes;

    private MaskSet(List<String> ids, RandomAccessDataset dataset, boolean fromBoxes) {
        this.ids = List.copyOf(ids);
        this.dataset = dataset;
        this.fromBoxes = fromBoxes;
    }

    /** SIIM records with their RLE masks. */
    public static MaskSet siim(List<SiimRecord> records, ImageLoader images) {
        return new MaskSet(records.stream().map(SiimRecord::imageId).toList(),
                SiimDataset.builder().setRecords(records).optImageLoader(images).setSampling(1, false).build(), false);
    }

    /** RSNA records with their boxes filled as masks. */
    public static MaskSet rsnaBoxes(List<RsnaRecord> records, ImageLoader images) {
        return new MaskSet(records.stream().map(RsnaRecord::patientId).toList(),
                RsnaDataset.builder().setRecords(records).optImageLoader(images).setSampling(1, false).build(), true);
    }

    /** Image ids in index order (SIIM ImageId or RSNA patientId). */
    public List<String> ids() {
        return ids;
    }

    @Override
    public long size() {
        return ids.size();
    }

    @Override
    public SegmentationBatch batch(NDList stacked) {
        return SegmentationBatch.of(stacked);
    }

    @Override
    public NDList get(NDManager manager, long index, long seed) {
        Record r;
        try {
            r = dataset.get(manager, index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + ids.get((int) index), e);
        }
        NDArray image = r.getData().head();                                                // (1, H, W)
        if (!fromBoxes) {
            return new NDList(image, r.getLabels().get(0));                                 // mask (1, H, W)
        }
        int h = (int) image.getShape().get(1);
        int w = (int) image.getShape().get(2);
        float[] boxes = r.getLabels().get(1).toFloatArray();                               // (N, 4) x, y, w, h
        return new NDList(image, manager.create(fill(boxes, h, w), new Shape(1, h, w)));
    }

    /** Rectangles (x, y, w, h rows; rows with w <= 0 are padding) as a row-major 0/1 mask. */
    static float[] fill(float[] boxes, int h, int w) {
        float[] mask = new float[h * w];
        for (int b = 0; b + 3 < boxes.length; b += 4) {
            if (boxes[b + 2] <= 0 || boxes[b + 3] <= 0) {
                continue;
            }
            for (int row = 0; row < h; row++) {
                float cy = row + 0.5f;
                if (cy < boxes[b + 1] || cy >= boxes[b + 1] + boxes[b + 3]) {
                    continue;
                }
                for (int col = 0; col < w; col++) {
                    float cx = col + 0.5f;
                    if (cx >= boxes[b] && cx < boxes[b] + boxes[b + 2]) {
                        mask[row * w + col] = 1f;
                    }
                }
            }
        }
        return mask;
    }
}
