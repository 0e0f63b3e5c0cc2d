package org.priorkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.priorkit.align.LearnableTemperature;
import org.priorkit.align.LocalAlignment;
import org.priorkit.align.SimSiamPredictor;
import org.priorkit.config.PriorConfig;
import org.priorkit.nn.Init;
import org.priorkit.proto.SentencePrototypeBank;
import org.priorkit.recon.ImageDecoder;
import org.priorkit.recon.PrototypeDecoder;
import org.priorkit.text.BertConfig;
import org.priorkit.text.ReportPooling;
import org.priorkit.text.SentencePooling;
import org.priorkit.text.TextEncoder;
import org.priorkit.vision.ImageEncoder;
import org.priorkit.vision.ResNet;

/**
 * Every learnable part of PRIOR in one block, so one state dict checkpoints it all. The block only
 * computes features; {@code pretrain.PriorObjective} turns them into the stage's loss terms.
 *
 * <p>Dimensions: B batch, I image tokens (h*w cells of the last map, C channels), T text tokens
 * (width H), S sentence slots, D shared embedding, K prototypes, Q decoder queries.
 *
 * <pre>
 *  image (B,1,H,W) -> ResNet -> map (B,C,h,w) -> attention pool -> image global (B,D)
 *                                              -> tokens (B,I,C) -> image_local -> (B,I,D)
 *  ids (B,T) -> BERT -> (B,T,H) -> text_local -> (B,T,D) -> sentence pooling -> sentences (B,S,D)
 *  sentences (or their prototypes) -> report pooling -> report global (B,D)
 * </pre>
 * Children (PyTorch-style names in checkpoints): {@code image}, {@code image_local}, {@code text},
 * {@code text_local}, {@code report_pool}, {@code local}, {@code predictor}, {@code global_scale},
 * {@code local_scale}, {@code prototypes}, {@code image_decoder}, {@code report_decoder}.
 */
public final class PriorModel extends AbstractBlock {

    /** Image-side features of a batch. */
    public record ImageFeatures(NDArray global, NDArray tokens, NDArray rawTokens, NDArray map) {}

    /** Text-side features of a batch: projected tokens, sentences and which sentence slots are real. */
    public record TextFeatures(NDArray tokens, NDArray sentences, NDArray sentenceMask) {}

    private final PriorConfig config;
    private final ImageEncoder image;
    private final Block imageLocal;
    private final TextEncoder text;
    private final Block textLocal;
    private final ReportPooling reportPool;
    private final LocalAlignment local;
    private final SimSiamPredictor predictor;
    private final LearnableTemperature globalScale;
    private final LearnableTemperature localScale;
    private final SentencePrototypeBank prototypes;
    private final ImageDecoder imageDecoder;
    private final PrototypeDecoder reportDecoder;

    public PriorModel(PriorConfig config) {
        this.config = config;
        int d = config.embedDim();
        ResNet backbone = ResNet.builder().setDepth(config.image().depth())
                .optBaseWidth(64 / config.image().widthDivisor()).build();
        image = addChildBlock("image", ImageEncoder.builder().setBackbone(backbone).setOutputDim(d)
                .optNumHeads(config.image().poolHeads()).build());
        // The projections start as the official code's: N(0, width^-1/2).
        imageLocal = addChildBlock("image_local", Init.linear(d, true,
                Init.normal(Math.pow(config.image().featureChannels(), -0.5))));
        text = addChildBlock("text", new TextEncoder(bertConfig(config)));
        textLocal = addChildBlock("text_local", Init.linear(d, true, Init.normal(Math.pow(config.text().hidden(), -0.5))));
        reportPool = addChildBlock("report_pool", ReportPooling.builder().setEmbedDim(d)
                .setNumHeads(config.decoderHeads()).build());
        local = addChildBlock("local", LocalAlignment.builder().setEmbedding(d).build());
        predictor = addChildBlock("predictor", SimSiamPredictor.builder().setEmbedding(d).build());
        globalScale = addChildBlock("global_scale", LearnableTemperature.builder()
                .optInitialTemperature(config.globalTemperature()).build());
        localScale = addChildBlock("local_scale", LearnableTemperature.builder()
                .optInitialTemperature(config.localTemperature()).build());
        prototypes = addChildBlock("prototypes", SentencePrototypeBank.builder().setPrototypes(config.prototypes())
                .setEmbedding(d).optTau(config.gumbelTau()).build());
        imageDecoder = addChildBlock("image_decoder", ImageDecoder.builder()
                .setImageChannels(config.image().featureChannels()).setContextChannels(d).setStride(32)
                .optDropout((float) config.channelDropout()).build());
        reportDecoder = addChildBlock("report_decoder", PrototypeDecoder.builder().optQueries(config.queries())
                .setEmbedding(d).optLayers(config.decoderLayers()).optHeads(config.decoderHeads())
                .optHidden(4 * d).build());
    }

    /** The BERT sizes of the config's text encoder (positions cover maxTokens). */
    static BertConfig bertConfig(PriorConfig c) {
        var t = c.text();
        return new BertConfig(t.vocabSize(), t.hidden(), t.layers(), t.heads(), t.intermediate(),
                t.maxTokens(), 2, 1e-12f, 0.1f, 0.1f);
    }

    public PriorConfig config() {
        return config;
    }

    /** Creates and initialises the model's parameters on {@code manager}'s device. */
    public static PriorModel create(PriorConfig config, NDManager manager) {
        PriorModel model = new PriorModel(config);
        manager.getEngine().setRandomSeed((int) config.seed());
        int s = config.image().imageSize();
        int t = config.text().maxTokens();
        model.initialize(manager, DataType.FLOAT32, new Shape(2, 1, s, s), new Shape(2, t), new Shape(2, t), new Shape(2, t));
        return model;
    }

    /** Images (B, 1, H, W) to the global feature, projected tokens, raw tokens and the last map. */
    public ImageFeatures encodeImage(ParameterStore ps, NDArray images, boolean training) {
        NDList out = image.forward(ps, new NDList(images), training); // [global, tokens, map]
        NDArray rawTokens = out.get(1); // (B, I, C)
        NDArray tokens = imageLocal.forward(ps, new NDList(rawTokens), training).singletonOrThrow(); // (B, I, D)
        return new ImageFeatures(out.get(0), tokens, rawTokens, out.get(2));
    }

    /** Token ids, attention mask and per-token sentence index (all (B, T)) to sentence features. */
    public TextFeatures encodeText(ParameterStore ps, NDArray ids, NDArray attentionMask, NDArray sentenceIndex,
                                   boolean training) {
        // Reports come padded to maxTokens, but a batch needs only its longest one: on the default set a
        // report has 44 of 96 tokens on average, so this halves the text encoder's work.
        long longest = attentionMask.toType(DataType.INT32, false).sum(new int[] {1}).max().getLong();
        if (longest < ids.getShape().get(1)) {
            String firstT = ":, :" + longest;
            ids = ids.get(firstT);                     // (B, T')
            attentionMask = attentionMask.get(firstT); // (B, T')
            sentenceIndex = sentenceIndex.get(firstT); // (B, T')
        }
        NDArray hidden = text.forward(ps, ids, attentionMask, null, training).get(0); // (B, T, H)
        NDArray tokens = textLocal.forward(ps, new NDList(hidden), training).singletonOrThrow(); // (B, T, D)
        NDList pooled = SentencePooling.pool(tokens, sentenceIndex, config.text().maxSentences()); // [(B,S,D), (B,S)]
        return new TextFeatures(tokens, pooled.get(0), pooled.get(1));
    }

    /** Report feature (B, D) by attention pooling over sentences (B, S, D) with their mask (B, S). */
    public NDArray report(ParameterStore ps, NDArray sentences, NDArray mask, boolean training) {
        return reportPool.forward(ps, new NDList(sentences, mask), training).singletonOrThrow();
    }

    public LocalAlignment local() {
        return local;
    }

    public SimSiamPredictor predictor() {
        return predictor;
    }

    public LearnableTemperature globalScale() {
        return globalScale;
    }

    public LearnableTemperature localScale() {
        return localScale;
    }

    public SentencePrototypeBank prototypes() {
        return prototypes;
    }

    public ImageDecoder imageDecoder() {
        return imageDecoder;
    }

    public PrototypeDecoder reportDecoder() {
        return reportDecoder;
    }

    public ReportPooling reportPool() {
        return reportPool;
    }

    public ImageEncoder imageEncoder() {
        return image;
    }

    public TextEncoder textEncoder() {
        return text;
    }

    /** Inputs [images, ids, attentionMask, sentenceIndex]; outputs [image global, report global]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        ImageFeatures img = encodeImage(ps, inputs.get(0), training);
        TextFeatures txt = encodeText(ps, inputs.get(1), inputs.get(2), inputs.get(3), training);
        return new NDList(img.global(), report(ps, txt.sentences(), txt.sentenceMask(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        long b = in[0].get(0);
        return new Shape[] {new Shape(b, config.embedDim()), new Shape(b, config.embedDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... in) {
        long b = in[0].get(0);
        int d = config.embedDim();
        int c = config.image().featureChannels();
        int side = config.image().featureSize();
        long i = (long) side * side;
        int s = config.text().maxSentences();
        image.initialize(m, type, in[0]);
        imageLocal.initialize(m, type, new Shape(b, i, c));
        text.initialize(m, type, in[1], in[2]);
        textLocal.initialize(m, type, new Shape(b, in[1].get(1), config.text().hidden()));
        reportPool.initialize(m, type, new Shape(b, s, d), new Shape(b, s));
        local.initialize(m, type, new Shape(b, i, d), new Shape(b, s, d), new Shape(b, s));
        predictor.initialize(m, type, new Shape(b, i, d));
        globalScale.initialize(m, type);
        localScale.initialize(m, type);
        prototypes.initialize(m, type, new Shape(b, s, d), new Shape(b, s));
        imageDecoder.initialize(m, type, new Shape(b, i, c), new Shape(b, i, d));
        reportDecoder.initialize(m, type, new Shape(b, i, d));
    }
}
