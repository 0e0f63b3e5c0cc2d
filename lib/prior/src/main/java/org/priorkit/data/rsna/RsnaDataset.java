package org.priorkit.data.rsna;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Record;
import org.priorkit.data.image.ImageDatasetBuilder;
import org.priorkit.data.image.ImageRecordDataset;
import org.priorkit.data.image.GrayImage;

import java.util.Arrays;
import java.util.List;

/**
 * RSNA pneumonia for classification and detection. Record: data {@code (1, H, W)} image;
 * labels {@code [target (1), boxes (N, 4)]} with boxes as x, y, width, height in pixels of the
 * RESIZED image (scaled with it).
 *
 * <p>N varies per image, which DJL's default batchifier cannot stack: use batch size 1, your own
 * batchifier, or {@code optMaxBoxes(M)} to pad every box array to {@code (M, 4)} with rows of -1.
 */
public final class RsnaDataset extends ImageRecordDataset<RsnaRecord> {

    private final int maxBoxes;

    private RsnaDataset(Builder b) {
        super(b, RsnaRecord::image);
        this.maxBoxes = b.maxBoxes;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Record get(NDManager manager, long index) {
        RsnaRecord r = record(index);
        GrayImage raw = images().readRaw(r.image());
        float sx = (float) images().width() / raw.width();
        float sy = (float) images().height() / raw.height();
        int rows = maxBoxes > 0 ? maxBoxes : r.boxes().size();
        if (r.boxes().size() > rows) {
            throw new IllegalStateException("patient " + r.patientId() + " has " + r.boxes().size()
                    + " boxes, more than optMaxBoxes(" + maxBoxes + ")");
        }
        float[] boxes = new float[rows * 4];
        Arrays.fill(boxes, -1f);
        List<RsnaBox> bs = r.boxes();
        for (int i = 0; i < bs.size(); i++) {
            RsnaBox b = bs.get(i);
            boxes[4 * i] = b.x() * sx;
            boxes[4 * i + 1] = b.y() * sy;
            boxes[4 * i + 2] = b.width() * sx;
            boxes[4 * i + 3] = b.height() * sy;
        }
        NDList data = new NDList(images().toNDArray(manager, raw));                 // (1, H, W)
        NDList label = new NDList(manager.create(new float[] {r.target()}),          // (1)
                manager.create(boxes, new Shape(rows, 4)));                          // (N, 4)
        return new Record(data, label);
    }

    /** Builder: records, image loader (plug a DICOM reader for .dcm), optional box padding. */
    public static final class Builder extends ImageDatasetBuilder<RsnaRecord, Builder> {

        private int maxBoxes;

        /** Pads boxes to {@code (max, 4)} with -1 rows so batches stack (RSNA has at most 4). */
        public Builder optMaxBoxes(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max boxes must be >= 0");
            }
            this.maxBoxes = max;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public RsnaDataset build() {
            return new RsnaDataset(this);
        }
    }
}
