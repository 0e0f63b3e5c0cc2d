package org.priorkit.data.mimic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Record;
import org.priorkit.data.image.ImageDatasetBuilder;
import org.priorkit.data.image.ImageRecordDataset;
import org.priorkit.data.chexpert.LabelPolicy;

/**
 * MIMIC-CXR image-report pairs for pretraining. Record: data = {@link PairEncoder} output (by
 * default just the {@code (1, H, W)} image); label = {@code (14)} CheXpert targets of the study in
 * {@link MimicIndex#LABELS} order under a {@link LabelPolicy} (pretraining ignores them; probes
 * and retrieval use them).
 */
public final class MimicPairsDataset extends ImageRecordDataset<MimicPair> {

    private final PairEncoder encoder;
    private final LabelPolicy policy;

    private MimicPairsDataset(Builder b) {
        super(b, MimicPair::image);
        this.encoder = b.encoder;
        this.policy = b.policy;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Record get(NDManager manager, long index) {
        MimicPair pair = record(index);
        NDArray image = images().toNDArray(manager, images().readRaw(pair.image()));  // (1, H, W)
        NDList data = encoder.encode(manager, pair, image);
        NDList label = new NDList(manager.create(policy.apply(MimicIndex.LABELS, pair.labels())));  // (14)
        return new Record(data, label);
    }

    /** Builder: pairs, image loader, pair encoder (default image only), label policy (default peers'). */
    public static final class Builder extends ImageDatasetBuilder<MimicPair, Builder> {

        private PairEncoder encoder = PairEncoder.imageOnly();
        private LabelPolicy policy = LabelPolicy.peers();

        /** How a pair becomes arrays (e.g. image + token ids + sentence index per token). */
        public Builder optPairEncoder(PairEncoder encoder) {
            this.encoder = encoder;
            return this;
        }

        public Builder optLabelPolicy(LabelPolicy policy) {
            this.policy = policy;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public MimicPairsDataset build() {
            return new MimicPairsDataset(this);
        }
    }
}
