package org.priorkit.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.priorkit.data.augment.HorizontalFlip;
import org.priorkit.data.augment.ImageReportPair;
import org.priorkit.data.augment.PairAugmentation;
import org.priorkit.data.augment.RandomAffine;
import org.priorkit.data.image.Resize;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.text.tokenizer.ReportEncoder;
import org.priorkit.text.tokenizer.ReportEncoding;
import org.priorkit.train.SampleSource;

import java.util.List;
import java.util.Random;

/**
 * Image-report pairs as model inputs: read the image, augment image and report together (a flip
 * swaps "left" and "right" in the sentences), normalise, tokenise with the per-token sentence index.
 *
 * <p>One sample is {@code [image (1, H, W) float32, ids (T) int32, attentionMask (T) int32,
 * sentenceIndex (T) int32]}, a batch of them a {@link PretrainBatch}; reports keep at most
 * {@code maxSentences} sentences (the rest would not fit the model's sentence slots).
 */
public final class ImageReportSamples implements SampleSource<PretrainBatch> {

    private final List<MimicPair> pairs;
    private final ImageSources sources;
    private final PairAugmentation augmentation;
    private final Normalization normalization;
    private final ReportEncoder encoder;
    private final int size;
    private final int maxSentences;

    /**
     * @param augment PRIOR's augmentation (resize, +-5 degrees, flip) when true; a plain resize when false
     */
    public ImageReportSamples(List<MimicPair> pairs, ImageSources sources, int size, boolean augment,
                           Normalization normalization, ReportEncoder encoder, int maxSentences) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no image-report pairs to train on");
        }
        this.pairs = List.copyOf(pairs);
        this.sources = sources;
        this.size = size;
        this.augmentation = augment ? PairAugmentation.prior(size)
                : new PairAugmentation(new Resize(size, size), RandomAffine.rotation(0), new HorizontalFlip(0));
        this.normalization = normalization;
        this.encoder = encoder;
        this.maxSentences = maxSentences;
    }

    public List<MimicPair> pairs() {
        return pairs;
    }

    @Override
    public long size() {
        return pairs.size();
    }

    @Override
    public PretrainBatch batch(NDList stacked) {
        return PretrainBatch.of(stacked);
    }

    @Override
    public NDList get(NDManager manager, long index, long seed) {
        MimicPair pair = pairs.get(Math.toIntExact(index));
        GrayImage raw = sources.read(pair.image());
        List<String> sentences = pair.sentences().subList(0, Math.min(maxSentences, pair.sentences().size()));
        ImageReportPair aug = augmentation.apply(raw, sentences, new Random(seed));
        ReportEncoding enc = encoder.encode(aug.sentences());
        return new NDList(
                manager.create(normalization.apply(aug.image().pixels()), new Shape(1, size, size)), // (1, H, W)
                manager.create(enc.ids()),            // (T)
                manager.create(enc.attentionMask()),  // (T)
                manager.create(enc.sentenceIndex())); // (T)
    }
}
