package org.priorkit.data.chexpert;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;
import org.priorkit.data.image.ImageDatasetBuilder;
import org.priorkit.data.image.ImageRecordDataset;

/**
 * CheXpert 5x200 for zero-shot classification and retrieval. Record: data {@code (1, H, W)} image;
 * label {@code (5)} one-hot float in the competition order.
 */
public final class Chexpert5x200Dataset extends ImageRecordDataset<FiveBy200Entry> {

    private Chexpert5x200Dataset(Builder b) {
        super(b, FiveBy200Entry::image);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Record get(NDManager manager, long index) {
        FiveBy200Entry e = record(index);
        float[] oneHot = new float[ChexpertClasses.COMPETITION.size()];
        oneHot[e.classIndex()] = 1f;
        return new Record(new NDList(images().toNDArray(manager, images().readRaw(e.image()))),  // (1, H, W)
                new NDList(manager.create(oneHot)));                                            // (5)
    }

    /** Builder: entries and image loader. */
    public static final class Builder extends ImageDatasetBuilder<FiveBy200Entry, Builder> {

        @Override
        protected Builder self() {
            return this;
        }

        public Chexpert5x200Dataset build() {
            return new Chexpert5x200Dataset(this);
        }
    }
}
