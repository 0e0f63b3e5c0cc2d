package org.priorkit.data.siim;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Record;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.image.ImageDatasetBuilder;
import org.priorkit.data.image.ImageRecordDataset;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.Resize;

/**
 * SIIM-ACR pneumothorax for segmentation and classification. Record: data {@code (1, H, W)} image;
 * labels {@code [mask (1, H, W) of 0/1, positive (1)]}. The mask is decoded at the image's own size
 * (all rows OR-ed) and resized with nearest neighbour, so it stays binary and aligned.
 */
public final class SiimDataset extends ImageRecordDataset<SiimRecord> {

    private SiimDataset(Builder b) {
        super(b, SiimRecord::image);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Record get(NDManager manager, long index) {
        SiimRecord r = record(index);
        GrayImage raw = images().readRaw(r.image());
        float[] mask = new float[raw.height() * raw.width()];
        for (String rle : r.encodedPixels()) {
            try {
                Rle.orInto(rle, mask, raw.height(), raw.width());
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(r.csv(), "ImageId " + r.imageId() + ", column ' EncodedPixels'",
                        e.getMessage());
            }
        }
        int h = images().height();
        int w = images().width();
        GrayImage resized = Resize.nearest(new GrayImage(raw.height(), raw.width(), mask), h, w);
        boolean positive = r.positive();
        return new Record(new NDList(images().toNDArray(manager, raw)),                  // (1, H, W)
                new NDList(manager.create(resized.pixels(), new Shape(1, h, w)),         // (1, H, W)
                        manager.create(new float[] {positive ? 1f : 0f})));              // (1)
    }

    /** Builder: records and image loader (plug a DICOM reader for .dcm). */
    public static final class Builder extends ImageDatasetBuilder<SiimRecord, Builder> {

        @Override
        protected Builder self() {
            return this;
        }

        public SiimDataset build() {
            return new SiimDataset(this);
        }
    }
}
