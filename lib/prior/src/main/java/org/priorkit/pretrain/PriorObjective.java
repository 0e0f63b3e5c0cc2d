package org.priorkit.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.priorkit.align.GlobalAlignmentLoss;
import org.priorkit.align.LocalImageLoss;
import org.priorkit.align.LocalTextLoss;
import org.priorkit.config.LossTerm;
import org.priorkit.config.StageConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.proto.PrototypeL1Loss;
import org.priorkit.proto.SentencePrototypeBank;
import org.priorkit.recon.ImageReconstructionLoss;
import org.priorkit.recon.ReportReconstructionLoss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PRIOR's loss terms for one batch, as the stage asks for them (the paper's three-stage schedule):
 *
 * <ul>
 *   <li>{@link LossTerm#GLOBAL}: InfoNCE between image and report globals;</li>
 *   <li>{@link LossTerm#LOCAL_IMAGE}, {@link LossTerm#LOCAL_TEXT}: the two directions of local alignment;</li>
 *   <li>{@link LossTerm#PROTOTYPE_L1}: sentence features vs their prototypes (stage 2 on, where
 *       prototypes also replace the sentences in local alignment and report pooling);</li>
 *   <li>{@link LossTerm#IMAGE_RECONSTRUCTION}, {@link LossTerm#REPORT_L1}, {@link LossTerm#REPORT_KL},
 *       {@link LossTerm#REPORT_GLOBAL_PREDICTION}: cross-modality conditional reconstruction (stage 3).</li>
 * </ul>
 * Parts of the model that no weighted term needs are not run ({@link Parts}), so the ablation
 * ladder's rungs cost only what they use.
 */
public final class PriorObjective implements Objective<PretrainBatch> {

    private final PriorModel model;

    public PriorObjective(PriorModel model) {
        this.model = model;
    }

    public PriorModel model() {
        return model;
    }

    @Override
    public Block block() {
        return model;
    }

    /**
     * Which parts of the model a stage runs, from the terms it weighs.
     *
     * @param localAlignment  the cross-attention of local alignment (both local terms and the image decoder use it)
     * @param imageDecoder    image reconstruction
     * @param reportDecoder   report reconstruction (decoder, matching and its three terms)
     */
    record Parts(boolean localAlignment, boolean imageDecoder, boolean reportDecoder) {
        static Parts of(StageConfig stage) {
            boolean image = stage.weighs(LossTerm.IMAGE_RECONSTRUCTION);
            return new Parts(stage.weighs(LossTerm.LOCAL_IMAGE) || stage.weighs(LossTerm.LOCAL_TEXT) || image, image,
                    stage.weighs(LossTerm.REPORT_L1) || stage.weighs(LossTerm.REPORT_KL)
                            || stage.weighs(LossTerm.REPORT_GLOBAL_PREDICTION));
        }
    }

    /**
     * What one forward pass over a batch (or one shard of it) gives: every per-sample term the stage
     * asks for, and the two features the batch-level global term needs. {@link DataParallelObjective}
     * gathers {@code imageGlobal} and {@code report} from every device before the global InfoNCE, so
     * each pair still has all of the batch as negatives.
     *
     * @param terms       unweighted per-sample terms (everything but {@link LossTerm#GLOBAL})
     * @param imageGlobal (B, D) global image features
     * @param report      (B, D) report features
     * @param globalScale () logit scale of the global InfoNCE
     */
    public record Pass(Map<LossTerm, NDArray> terms, NDArray imageGlobal, NDArray report, NDArray globalScale) {}

    @Override
    public Map<LossTerm, NDArray> losses(ParameterStore ps, PretrainBatch batch, StageConfig stage, boolean training) {
        Pass pass = pass(ps, batch, stage, training);
        Map<LossTerm, NDArray> terms = new LinkedHashMap<>();
        if (stage.weighs(LossTerm.GLOBAL)) {
            terms.put(LossTerm.GLOBAL,
                    new GlobalAlignmentLoss().compute(pass.imageGlobal(), pass.report(), pass.globalScale()));
        }
        terms.putAll(pass.terms());
        return terms;
    }

    /** The forward pass and every term but the global one (see {@link Pass}). */
    public Pass pass(ParameterStore ps, PretrainBatch batch, StageConfig stage, boolean training) {
        Parts parts = Parts.of(stage);
        NDArray images = batch.images(); // (B, 1, H, W)
        PriorModel.ImageFeatures img = model.encodeImage(ps, images, training);
        PriorModel.TextFeatures txt = model.encodeText(ps, batch.ids(), batch.attentionMask(), batch.sentenceIndex(),
                training);
        NDArray mask = txt.sentenceMask(); // (B, S)
        NDArray sentences = txt.sentences(); // (B, S, D)
        Map<LossTerm, NDArray> terms = new LinkedHashMap<>();

        NDArray aligned = sentences; // what local alignment and report pooling see
        if (stage.usePrototypes()) {
            NDArray protos = model.prototypes().forward(ps, new NDList(sentences, mask), training).get(0); // (B, S, D)
            if (stage.weighs(LossTerm.PROTOTYPE_L1)) {
                terms.put(LossTerm.PROTOTYPE_L1, new PrototypeL1Loss().compute(protos, sentences, mask));
            }
            aligned = protos;
        }
        NDArray report = model.report(ps, aligned, mask, training); // (B, D)
        NDArray globalScale = model.globalScale().scale(ps, images.getDevice(), training); // ()

        if (parts.localAlignment()) {
            NDList la = model.local().forward(ps, new NDList(img.tokens(), aligned, mask), training);
            NDArray textAware = la.get(0); // (B, I, D) image tokens that attended to the sentences
            NDArray imageAware = la.get(1); // (B, S, D) sentences that attended to the image
            if (stage.weighs(LossTerm.LOCAL_IMAGE)) {
                NDArray pImage = model.predictor().forward(ps, new NDList(img.tokens()), training).singletonOrThrow();
                NDArray pText = model.predictor().forward(ps, new NDList(textAware), training).singletonOrThrow();
                terms.put(LossTerm.LOCAL_IMAGE, new LocalImageLoss().compute(pImage, pText, img.tokens(), textAware));
            }
            if (stage.weighs(LossTerm.LOCAL_TEXT)) {
                NDArray localScale = model.localScale().scale(ps, images.getDevice(), training);
                terms.put(LossTerm.LOCAL_TEXT, new LocalTextLoss().compute(aligned, imageAware, mask, localScale));
            }
            if (parts.imageDecoder()) {
                NDArray recon = model.imageDecoder().forward(ps, new NDList(img.rawTokens(), textAware), training)
                        .singletonOrThrow(); // (B, 1, H, W)
                terms.put(LossTerm.IMAGE_RECONSTRUCTION, new ImageReconstructionLoss().compute(recon, images));
            }
        }
        if (parts.reportDecoder()) {
            terms.putAll(reportReconstruction(ps, img.tokens(), new Text(sentences, aligned, mask, report), globalScale,
                    stage.usePrototypes(), training));
        }
        return new Pass(terms, img.global(), report, globalScale);
    }

    /**
     * A batch's text side as the terms see it.
     *
     * @param sentences (B, S, D) sentence features
     * @param aligned   (B, S, D) what local alignment and report pooling saw: the prototypes from stage 2 on
     * @param mask      (B, S) boolean, true = real sentence
     * @param report    (B, D) report feature
     */
    private record Text(NDArray sentences, NDArray aligned, NDArray mask, NDArray report) {}

    /**
     * Stage 3's report terms: decode Q sentences from the image tokens (B, I, D), match them to the
     * first Q true sentences' prototypes, and score them. The operations run in the order the
     * gradients were always accumulated in (decode, match, L1, KL, global prediction): another order
     * rounds differently and a run would not repeat an earlier one.
     */
    private Map<LossTerm, NDArray> reportReconstruction(ParameterStore ps, NDArray imageTokens, Text text,
                                                        NDArray globalScale, boolean usePrototypes, boolean training) {
        NDIndex firstQ = new NDIndex(":, :{}", model.config().queries()); // reports are truncated to Q sentences here
        NDArray decoded = model.reportDecoder().forward(ps, new NDList(imageTokens), training).singletonOrThrow(); // (B, Q, D)
        SentencePrototypeBank bank = model.prototypes();
        NDArray truePrototypes = (usePrototypes ? text.aligned() : bank.snap(ps, text.sentences(), training))
                .get(firstQ); // (B, Q', D)
        NDArray trueSentences = text.sentences().get(firstQ); // (B, Q', D)
        NDArray real = text.mask().get(firstQ); // (B, Q')
        ReportReconstructionLoss.Matching m = ReportReconstructionLoss.match(decoded, truePrototypes, real);
        Map<LossTerm, NDArray> terms = new LinkedHashMap<>();
        terms.put(LossTerm.REPORT_L1, ReportReconstructionLoss.l1(m.matched(), truePrototypes, real));
        terms.put(LossTerm.REPORT_KL, ReportReconstructionLoss.kl(bank.logits(ps, m.matched(), training),
                bank.logits(ps, trueSentences, training), real)); // (B, Q', K) scores of each side
        NDArray snapped = bank.snap(ps, m.matched(), training); // (B, Q', D)
        terms.put(LossTerm.REPORT_GLOBAL_PREDICTION, ReportReconstructionLoss.globalPrediction(
                model.report(ps, snapped, real, training), text.report(), globalScale));
        return terms;
    }
}
