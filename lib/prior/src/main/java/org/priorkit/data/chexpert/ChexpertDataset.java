package org.priorkit.data.chexpert;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;
import org.priorkit.data.image.ImageDatasetBuilder;
import org.priorkit.data.image.ImageRecordDataset;

import java.util.List;

/**
 * CheXpert for supervised classification. Record: data {@code (1, H, W)} image; label {@code (C)}
 * float targets for the chosen classes under a {@link LabelPolicy}.
 */
public final class ChexpertDataset extends ImageRecordDataset<ChexpertRecord> {

    private final List<String> classes;
    private final LabelPolicy policy;

    private ChexpertDataset(Builder b) {
        super(b, ChexpertRecord::image);
        this.classes = b.classes;
        this.policy = b.policy;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Record get(NDManager manager, long index) {
        ChexpertRecord r = record(index);
        NDList data = new NDList(images().toNDArray(manager, images().readRaw(r.image())));  // (1, H, W)
        NDList label = new NDList(manager.create(policy.apply(classes, r.labels())));        // (C)
        return new Record(data, label);
    }

    /** The class names of the label vector, in order. */
    public List<String> classes() {
        return classes;
    }

    /** Builder: records, image loader, classes (default the 5 competition ones), label policy. */
    public static final class Builder extends ImageDatasetBuilder<ChexpertRecord, Builder> {

        private List<String> classes = ChexpertClasses.COMPETITION;
        private LabelPolicy policy = LabelPolicy.peers();

        /** Which label columns form the target vector, in order. */
        public Builder optClasses(List<String> classes) {
            for (String c : classes) {
                if (!ChexpertClasses.ALL.contains(c)) {
                    throw new IllegalArgumentException("'" + c + "' is not a CheXpert class: " + ChexpertClasses.ALL);
                }
            }
            this.classes = List.copyOf(classes);
            return this;
        }

        /** How blank and -1 labels become targets (default: peers' mixed policy). */
        public Builder optLabelPolicy(LabelPolicy policy) {
            this.policy = policy;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ChexpertDataset build() {
            return new ChexpertDataset(this);
        }
    }
}
